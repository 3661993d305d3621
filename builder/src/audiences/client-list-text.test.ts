import { describe, expect, it } from 'vitest';
import { countCsvRows, guessIdColumn, parseClientIdList, readCsvHeader } from './client-list-text';

describe('client lists a marketer pastes or uploads', () => {
  it('splits pasted ids on lines, commas, semicolons and spaces, each once', () => {
    expect(parseClientIdList('c-1\nc-2, c-3;c-1\n\n  c-4 ')).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
    expect(parseClientIdList('  ')).toEqual([]);
  });

  it('reads the header as the server does: commas or semicolons, quoted names', () => {
    expect(readCsvHeader('\uFEFFname,"Customer, number",tier\r\nAnn,c-1,gold')).toEqual([
      'name',
      'Customer, number',
      'tier',
    ]);
    expect(readCsvHeader('Номер клиента;Телефон\n1;2')).toEqual(['Номер клиента', 'Телефон']);
    expect(readCsvHeader('')).toEqual([]);
  });

  it('preselects a usual id column, else the first', () => {
    expect(guessIdColumn(['email', 'External_ID'])).toBe('External_ID');
    expect(guessIdColumn(['Номер клиента', 'Телефон'])).toBe('Номер клиента');
    expect(guessIdColumn([])).toBeNull();
  });

  it('counts data rows, skipping blank lines', () => {
    expect(countCsvRows('id\nc-1\n\nc-2\n')).toBe(2);
    expect(countCsvRows('id')).toBe(0);
  });
});
