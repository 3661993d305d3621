import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '@touchpoint/engine/main/config';
import { repoRoot } from '../harness/paths';
import { JOURNEY_SEARCH_ATTRIBUTES } from '@touchpoint/engine/main/temporal-dev-server';

// No Docker engine runs here, so the compose file is checked against the app's own configuration:
// a renamed variable or a moved port fails this test instead of a user's first `docker compose up`.
interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  command?: string[];
}
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/** Resolves ${VAR:?msg} to a sample secret and ${VAR:-default} to its default, as compose would. */
function interpolate(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [
      key,
      String(value)
        .replace(/\$\{(\w+):\?[^}]*\}/g, 'sample-secret-value-0123456789')
        .replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
    ]),
  );
}
const publishedPorts = (name: string) =>
  (service(name).ports ?? []).map((mapping) => mapping.split(':').at(-1));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Temporal with its UI, a mail catcher, the API and the worker', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgresql', 'temporal', 'temporal-ui', 'mailpit', 'api', 'worker']),
    );
    expect(service('api').build).toBeDefined();
    expect(service('worker').build).toBeDefined();
  });

  it.each(['api', 'worker'])('gives the %s only variables the app knows, and valid ones', (name) => {
    const environment = interpolate(service(name).environment ?? {});
    const unknown = Object.keys(environment).filter((key) => !(CONFIG_VARIABLES as string[]).includes(key));
    expect(unknown).toEqual([]);
    const config = loadConfig(environment);
    expect(config.DATABASE_URL).toBeDefined();
    expect(config.TOUCHPOINT_ADMIN_KEY).toBeDefined();
  });

  it('points the app at the services by their compose names and published ports', () => {
    const config = loadConfig(interpolate(service('api').environment ?? {}));
    const postgres = service('postgresql').environment ?? {};
    const database = new URL(config.DATABASE_URL ?? '');
    expect(database.hostname).toBe('postgresql');
    expect([database.username, database.password, database.pathname.slice(1)]).toEqual([
      postgres.POSTGRES_USER,
      postgres.POSTGRES_PASSWORD,
      postgres.POSTGRES_DB,
    ]);
    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(publishedPorts('temporal')).toContain('7233');
    expect(service('temporal-ui').environment?.TEMPORAL_ADDRESS).toBe(config.TEMPORAL_ADDRESS);
    const smtp = new URL(config.SMTP_URL);
    expect(smtp.hostname).toBe('mailpit');
    expect(publishedPorts('mailpit')).toContain(smtp.port);
    expect(config.API_HOST).toBe('0.0.0.0');
    expect(service('api').ports).toContain(`${config.API_PORT}:${config.API_PORT}`);
    expect(new URL(config.TEMPORAL_UI_URL).port).toBe(publishedPorts('temporal-ui')[0]);
  });

  it('registers every search attribute the journey workflows set', () => {
    const setup = (service('temporal-setup').command ?? []).join(' ');
    for (const [name, type] of Object.entries(JOURNEY_SEARCH_ATTRIBUTES)) {
      expect(setup).toContain(`${name}:${type}`);
    }
  });

  it('starts the API and the worker from the entrypoints that exist', () => {
    for (const name of ['api', 'worker']) {
      const script = (service(name).command ?? []).find((part) => part.endsWith('.ts'));
      expect(script, `${name} command`).toBeDefined();
      expect(() => readFileSync(path.join(repoRoot, script ?? ''))).not.toThrow();
    }
  });
});
