import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF, numbers as they are and null as empty', () => {
    expect(
      toCsv(
        ['step', 'sent', 'rate'],
        [
          ['Offer', 12, 0.25],
          ['Reminder', 0, null],
        ],
      ),
    ).toBe('step,sent,rate\r\nOffer,12,0.25\r\nReminder,0,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['name'], [['a, "b"'], ['two\nlines']])).toBe('name\r\n"a, ""b"""\r\n"two\nlines"\r\n');
  });

  it('keeps a spreadsheet from running text as a formula, but not negative numbers', () => {
    expect(toCsv(['name', 'n'], [['=HYPERLINK("x")', -3]])).toBe('name,n\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });

  it('keeps Cyrillic as it is', () => {
    expect(toCsv(['шаг'], [['Письмо']])).toBe('шаг\r\nПисьмо\r\n');
  });
});
