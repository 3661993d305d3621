/**
 * Thrown when a catalog write would give a row the business key (`sku`, `key`) another row has. The
 * unique index decides, so two writers racing for one key meet it too; `field` names that key.
 */
export class KeyInUseError extends Error {
  constructor(readonly field: string) {
    super(`${field}: already in use`);
    this.name = 'KeyInUseError';
  }
}

/** PostgreSQL's unique_violation; drizzle wraps driver errors, so the whole `cause` chain is searched. */
function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error || typeof current === 'object';) {
    if (current === null) return false;
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
    if (current === undefined) return false;
  }
  return false;
}

/** Runs a write and turns a unique-key clash into a {@link KeyInUseError} naming `field`. */
export async function failOnKeyInUse<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new KeyInUseError(field);
    throw error;
  }
}
