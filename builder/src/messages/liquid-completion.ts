/** What a template may say in `{{ … }}`, grouped as the send activity builds them (`buildVariables`). */
export const LIQUID_VARIABLES = [
  'client.firstName',
  'client.lastName',
  'client.email',
  'client.phone',
  'client.locale',
  'client.externalId',
  'client.id',
  'offer.name',
  'offer.value',
  'offer.kind',
  'offer.key',
  'offer.validUntil',
  'offer.productSku',
  'journey.id',
  'journey.version',
  'journey.nodeId',
] as const;

/** The variable being typed at the caret: where its name starts and what is typed of it so far. */
export interface LiquidCompletion {
  /** Index in the text where the typed name starts (just after `{{` and any spaces). */
  start: number;
  typed: string;
}

/**
 * The variable name being typed at `caret`, when the caret sits inside an open `{{` (no `}}` yet)
 * and only a name's characters follow it: `Hi {{ cli|` → `{ start: 6, typed: 'cli' }`. Null
 * elsewhere, so plain text and filters (`| upcase`) never pop the list.
 */
export function findLiquidCompletion(text: string, caret: number): LiquidCompletion | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open === -1 || before.indexOf('}}', open) !== -1) return null;
  const inside = before.slice(open + 2);
  const match = /^(\s*)([\w.]*)$/.exec(inside);
  if (match === null) return null;
  return { start: open + 2 + match[1]!.length, typed: match[2]! };
}

/** The variables starting with what is typed (all of them for nothing typed), known ones first. */
export function suggestLiquidVariables(typed: string, known: readonly string[] = LIQUID_VARIABLES): string[] {
  const needle = typed.toLowerCase();
  return [...new Set(known)].filter((name) => name.toLowerCase().startsWith(needle) && name !== typed);
}

/**
 * The text with the typed name replaced by `variable`, closed with ` }}` unless a `}}` already
 * follows on the line, and where the caret goes next (after the closing braces).
 */
export function applyLiquidCompletion(
  text: string,
  caret: number,
  completion: LiquidCompletion,
  variable: string,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const closes = /^[\w.]*\s*}}/.exec(after);
  const rest = closes ? after.slice(closes[0].length) : after;
  const inserted = `${variable} }}`;
  const head = text.slice(0, completion.start);
  return { text: head + inserted + rest, caret: head.length + inserted.length };
}

/** Variable names for a real client's own CRM attributes, so a preview client's fields are offered too. */
export function clientAttributeVariables(attributes: Record<string, unknown>): string[] {
  return Object.keys(attributes)
    .filter((key) => /^\w+$/.test(key))
    .map((key) => `client.${key}`);
}
