import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LocalSecrets = z.object({ adminKey: z.string().min(16), trackingSecret: z.string().min(16) });
type LocalSecrets = z.infer<typeof LocalSecrets>;

/**
 * Secrets for a local run: generated once into the data folder (mode 0600) so the admin key printed
 * by `npm start` stays valid across restarts. Production passes them as environment variables.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return LocalSecrets.parse(JSON.parse(readFileSync(file, 'utf8')));
  const secrets = {
    adminKey: `tp_admin_${randomBytes(18).toString('base64url')}`,
    trackingSecret: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
