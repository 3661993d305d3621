import { CLIENT_ID_MAX_LENGTH } from '../../input-bounds';
/** One data row of an enrollment upload: its 1-based line in the file and the client's external id. */
export interface CsvClientRow {
  line: number;
  clientId: string;
}

/** Header names accepted for the client id column (case-insensitive). */
export const CLIENT_ID_COLUMNS = ['clientid', 'client_id', 'externalid', 'external_id', 'id'] as const;

/** A CSV problem with the line it is on, so the upload form can point at it. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/** RFC 4180 records: commas or semicolons, quoted fields with `""` escapes and embedded newlines. */
function readRecords(text: string): { line: number; fields: string[] }[] {
  const delimiter = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let isQuoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (isQuoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') isQuoted = false;
      else field += char;
      if (char === '\n') line += 1;
    } else if (char === '"' && field === '') isQuoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      records.push({ line: recordLine, fields: [...fields, field] });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else field += char;
  }
  if (isQuoted) throw new CsvError(recordLine, 'unterminated quoted field');
  if (field !== '' || fields.length > 0) records.push({ line: recordLine, fields: [...fields, field] });
  return records.filter((record) => record.fields.some((value) => value.trim() !== ''));
}

/** Thrown when the column the uploader mapped to the client id is not in the header. */
export class CsvColumnError extends Error {
  constructor(readonly column: string) {
    super(`no column "${column}" in the header`);
    this.name = 'CsvColumnError';
  }
}

/**
 * Reads the client ids of an enrollment upload. The first row is a header; the id column is the one
 * the uploader mapped (`idColumn`, a header name as written) or else any of {@link CLIENT_ID_COLUMNS};
 * other columns are ignored. Blank lines are skipped.
 */
export function parseClientCsv(text: string, idColumn?: string): CsvClientRow[] {
  const [header, ...rows] = readRecords(text.replace(/^\uFEFF/, ''));
  if (header === undefined) throw new CsvError(1, 'the file is empty');
  const names = header.fields.map((name) => name.trim());
  const column =
    idColumn === undefined
      ? names.findIndex((name) => (CLIENT_ID_COLUMNS as readonly string[]).includes(name.toLowerCase()))
      : names.indexOf(idColumn.trim());
  if (column === -1 && idColumn !== undefined) throw new CsvColumnError(idColumn);
  if (column === -1) {
    throw new CsvError(
      header.line,
      `no client id column in the header (one of ${CLIENT_ID_COLUMNS.join(', ')})`,
    );
  }
  return rows.map(({ line, fields }) => {
    const clientId = (fields[column] ?? '').trim();
    if (clientId === '') throw new CsvError(line, 'the client id is empty');
    if (clientId.length > CLIENT_ID_MAX_LENGTH) {
      throw new CsvError(line, `the client id is longer than ${CLIENT_ID_MAX_LENGTH} characters`);
    }
    return { line, clientId };
  });
}
