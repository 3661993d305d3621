import type { z } from 'zod';

const TIMEOUT_MS = 10_000;

/**
 * GETs `url` and parses the JSON answer with `schema`; throws, naming `what`, on a non-2xx status, a
 * timeout or an answer of another shape (a provider lookup must never guess from a bad answer).
 */
export async function getJson<S extends z.ZodType>(
  url: string,
  schema: S,
  what: string,
  headers: Record<string, string> = {},
): Promise<z.infer<S>> {
  const response = await fetch(url, {
    headers: { accept: 'application/json', ...headers },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${what} answered ${response.status}`);
  return schema.parse(await response.json());
}
