/**
 * The preview must not load anything from the network: the open pixel would count our own look
 * as the client opening the mail (and could move a journey waiting for an open). Inline styles and
 * embedded `data:` images still render.
 */
export const PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const POLICY_TAG = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_POLICY}">`;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * The mail's HTML with a content security policy that blocks every remote load. The policy goes
 * before any other tag (right after a doctype, which keeps the mail out of quirks mode), so the
 * parser places it in the head before anything could start loading.
 */
export function toSafePreviewHtml(html: string): string {
  const doctype = DOCTYPE.exec(html)?.[0] ?? '';
  return `${doctype}${POLICY_TAG}${html.slice(doctype.length)}`;
}
