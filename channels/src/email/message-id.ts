// RFC 5322 `dot-atom-text` characters; everything else in an idempotency key (":" in particular)
// is escaped as `=XX` so the key survives as a valid, reversible Message-ID.
const ATEXT = /[A-Za-z0-9!#$%&'*+\-/?^_`{|}~.]/;

/** `<escaped-key@domain>`: the idempotency key as a Message-ID, so duplicates are recognisable. */
export function formatMessageId(idempotencyKey: string, domain: string): string {
  const local = [...idempotencyKey]
    .map((char) =>
      ATEXT.test(char)
        ? char
        : [...Buffer.from(char)].map((b) => `=${b.toString(16).padStart(2, '0')}`).join(''),
    )
    .join('');
  return `<${local}@${domain}>`;
}

/** The idempotency key back from a Message-ID built by `formatMessageId`, or null for foreign ids. */
export function parseMessageId(messageId: string, domain: string): string | null {
  const match = /^<(.+)@([^@>]+)>$/.exec(messageId.trim());
  if (!match || match[2] !== domain) return null;
  const bytes = match[1]!.replace(/=([0-9a-f]{2})/g, (_m, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes);
  } catch {
    return null;
  }
}
