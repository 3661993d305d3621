import { describe, expect, it } from 'vitest';
import { CsvColumnError, parseClientCsv } from './parse-client-csv';

describe('parseClientCsv', () => {
  it('reads the id column by its header, whatever its position, skipping blank lines', () => {
    const csv = 'name,clientId,tier\r\nAnn,c-1,gold\r\n\r\n"Smith, Bob",c-2,\n';
    expect(parseClientCsv(csv)).toEqual([
      { line: 2, clientId: 'c-1' },
      { line: 4, clientId: 'c-2' },
    ]);
  });

  it('keeps line numbers right after a quoted field spanning lines, and reads semicolons', () => {
    const csv = 'note;external_id\n"two\nlines";a\n"say ""hi""";b';
    expect(parseClientCsv(csv)).toEqual([
      { line: 2, clientId: 'a' },
      { line: 4, clientId: 'b' },
    ]);
  });

  it('names the line of an empty id and a header without an id column', () => {
    expect(() => parseClientCsv('clientId,name\nc-1,a\n,b\n')).toThrow('line 3: the client id is empty');
    expect(() => parseClientCsv('email\na@b.c\n')).toThrow('line 1: no client id column');
    expect(() => parseClientCsv('')).toThrow('line 1: the file is empty');
    expect(() => parseClientCsv('id\n"open')).toThrow('line 2: unterminated quoted field');
  });

  it('reads the column the uploader mapped, by its header as written, and names one that is missing', () => {
    const csv = 'Customer number,id\nC-7,row-1\n C-8 ,row-2\n';
    expect(parseClientCsv(csv, 'Customer number')).toEqual([
      { line: 2, clientId: 'C-7' },
      { line: 3, clientId: 'C-8' },
    ]);
    expect(() => parseClientCsv(csv, 'Phone')).toThrow(CsvColumnError);
  });
});
