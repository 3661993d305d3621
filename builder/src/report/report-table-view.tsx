import { useLocaleStore, useT } from '../i18n/i18n';
import { downloadCsv } from './download-csv';
import { formatCell, type DurationUnits } from './format-figure';
import type { ReportTable } from './report-tables';

export function useDurationUnits(): DurationUnits {
  const t = useT();
  return { days: t('report.unit.days'), hours: t('report.unit.hours'), minutes: t('report.unit.minutes') };
}

/** The CSV button of a table: the file carries raw figures (rates as fractions, durations in seconds). */
export function CsvButton({ table, fileStem }: { table: ReportTable; fileStem: string }) {
  const t = useT();
  return (
    <button
      type="button"
      className="csv-button"
      data-testid={`csv-${table.id}`}
      onClick={() =>
        downloadCsv(
          `${fileStem}-${table.id}.csv`,
          table.columns,
          table.rows.map((row) => row.map((cell) => cell.value)),
        )
      }
    >
      ↓ {t('report.csv')}
    </button>
  );
}

/** One report table as figures a person reads, in the interface language. */
export function ReportTableView({ table }: { table: ReportTable }) {
  const locale = useLocaleStore((state) => state.locale);
  const units = useDurationUnits();
  return (
    <div className="report-table-wrap">
      <table className="report-table" data-testid={`table-${table.id}`}>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column} className={cell.format === 'text' ? undefined : 'figure'}>
                  {formatCell(cell, locale, units)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
