import type { FastifyInstance } from 'fastify';

/** Form fields as a flat record; repeated `name[]` fields are numbered (`name[0]`, `name[1]`…), not lost. */
function toRecord(body: string): Record<string, string> {
  const record: Record<string, string> = {};
  const counters = new Map<string, number>();
  for (const [key, value] of new URLSearchParams(body)) {
    if (!key.endsWith('[]')) {
      record[key] = value;
      continue;
    }
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    record[`${key.slice(0, -2)}[${index}]`] = value;
  }
  return record;
}

/**
 * Parses `application/x-www-form-urlencoded` bodies into a flat string record (see `toRecord`), for
 * the few routes third parties post forms to: provider receipts and RFC 8058 one-click unsubscribe.
 * Registered inside those route plugins only, so JSON routes keep rejecting forms with a 415.
 */
export function acceptFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, toRecord(body as string));
    },
  );
}
