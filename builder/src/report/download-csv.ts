import { toCsv, type CsvValue } from './csv';
import { saveFile } from './save-file';

/**
 * Saves a table as a CSV file. It starts with a byte-order mark so spreadsheet programs read the
 * Russian labels as UTF-8 rather than the system's code page.
 */
export function downloadCsv(fileName: string, header: string[], rows: CsvValue[][]): void {
  saveFile(fileName, new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
}
