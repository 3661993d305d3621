import { toCsv, type CsvValue } from './csv';

/**
 * Saves a table as a CSV file. It starts with a byte-order mark so spreadsheet programs read the
 * Russian labels as UTF-8 rather than the system's code page.
 */
export function downloadCsv(fileName: string, header: string[], rows: CsvValue[][]): void {
  const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
