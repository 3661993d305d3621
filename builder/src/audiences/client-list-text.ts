/** The CRM ids a marketer pasted: one per line, or separated by commas, semicolons or spaces; each once. */
export function parseClientIdList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    ),
  ];
}

/** Header names the server takes as the client id column by itself (`CLIENT_ID_COLUMNS`). */
const USUAL_ID_HEADERS = ['clientid', 'client_id', 'externalid', 'external_id', 'id'];

/**
 * The header row of a CSV as the server reads it (first line; commas, or semicolons when the line has
 * one; quoted names with `""` escapes), so the marketer maps the id column from the real names.
 */
export function readCsvHeader(text: string): string[] {
  const line = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  if (line === '') return [];
  const delimiter = line.includes(';') ? ';' : ',';
  const names: string[] = [];
  let name = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (isQuoted && char === '"' && line[i + 1] === '"') {
      name += '"';
      i += 1;
    } else if (char === '"') isQuoted = !isQuoted;
    else if (char === delimiter && !isQuoted) {
      names.push(name.trim());
      name = '';
    } else name += char;
  }
  names.push(name.trim());
  return names;
}

/** The column to preselect: a usual id header if there is one, else the first column. */
export function guessIdColumn(headers: readonly string[]): string | null {
  return headers.find((name) => USUAL_ID_HEADERS.includes(name.toLowerCase())) ?? headers[0] ?? null;
}

/** Data rows of the file (non-blank lines after the header), for "N rows" before the upload. */
export function countCsvRows(text: string): number {
  return Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1);
}
