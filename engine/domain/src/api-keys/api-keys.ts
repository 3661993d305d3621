import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { apiKeys } from '@touchpoint/db';
import type { ApiKeyRow } from '@touchpoint/db';
import type { ApiScope } from '@touchpoint/db';

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Creates a key and returns its one-time plaintext (`tp_<prefix>.<secret>`) with the stored row. */
export async function createApiKey(
  db: Executor,
  input: { name: string; scopes: ApiScope[]; userId?: string },
): Promise<{ key: string; row: ApiKeyRow }> {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const [row] = await db
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix,
      secretHash: hashSecret(secret),
      scopes: input.scopes,
      userId: input.userId ?? null,
    })
    .returning();
  return { key: `tp_${prefix}.${secret}`, row: row! };
}

/** Returns the live (not revoked) key row matching a plaintext key, or null. Constant-time on the secret. */
export async function findApiKeyQuery(db: Executor, key: string): Promise<ApiKeyRow | null> {
  const match = /^tp_([0-9a-f]{12})\.([A-Za-z0-9_-]+)$/.exec(key);
  if (match === null) return null;
  const [, prefix, secret] = match;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix!), isNull(apiKeys.revokedAt)));
  if (row === undefined) return null;
  const expected = Buffer.from(row.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret!), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? row : null;
}
