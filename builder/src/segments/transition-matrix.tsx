import { useState } from 'react';
import type { TransitionMatrix } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { formatCount } from './format-segment-figure';
import { heatColor, heatTextColor } from './heat-color';
import { segmentDisplayName } from './segment-names';
import { segmentsApi } from './segments-api';

const DAY_MS = 86_400_000;
const NONE = '∅';

type Family = 'rfm' | 'lifecycle';

/** `yyyy-mm-dd` of a moment, UTC: what a date input holds. */
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The moves page: a family and a period (whole UTC days, the end day included), then the matrix. */
export function TransitionMatrixView() {
  const t = useT();
  const [family, setFamily] = useState<Family>('lifecycle');
  const [fromDay, setFromDay] = useState(() => isoDay(Date.now() - 30 * DAY_MS));
  const [toDay, setToDay] = useState(() => isoDay(Date.now()));
  const from = `${fromDay}T00:00:00.000Z`;
  // The end day is included: the period runs to the start of the day after it.
  const to = new Date(Date.parse(`${toDay}T00:00:00.000Z`) + DAY_MS).toISOString();
  const isValid = !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to));
  const [state, reload] = useApi(
    () => segmentsApi.transitions(family, from, to),
    `moves:${family}:${from}:${to}`,
  );
  return (
    <div className="segments-picture">
      <div className="segments-toolbar" data-testid="moves-pickers">
        <label>
          {t('segments.moves.family')}{' '}
          <select
            value={family}
            onChange={(event) => setFamily(event.target.value as Family)}
            data-testid="moves-family"
          >
            <option value="lifecycle">{t('segments.moves.lifecycle')}</option>
            <option value="rfm">{t('segments.moves.rfm')}</option>
          </select>
        </label>
        <label>
          {t('segments.moves.from')}{' '}
          <input
            type="date"
            value={fromDay}
            onChange={(event) => setFromDay(event.target.value)}
            data-testid="moves-from"
          />
        </label>
        <label>
          {t('segments.moves.to')}{' '}
          <input
            type="date"
            value={toDay}
            onChange={(event) => setToDay(event.target.value)}
            data-testid="moves-to"
          />
        </label>
      </div>
      <p className="muted">{t('segments.moves.hint')}</p>
      {isValid && (
        <ApiView state={state} reload={reload}>
          {(matrix) => <MovesTable matrix={matrix} />}
        </ApiView>
      )}
    </div>
  );
}

/** Rows: where clients came from; columns: where they went; each cell shaded by its share of the largest. */
function MovesTable({ matrix }: { matrix: TransitionMatrix }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  if (matrix.moves.length === 0) return <p className="empty">{t('segments.moves.none')}</p>;
  const keyOf = (value: string | null) => value ?? NONE;
  const order = (keys: string[]) =>
    [...new Set(keys)].sort((a, b) => (a === NONE ? -1 : b === NONE ? 1 : a.localeCompare(b)));
  const rows = order(matrix.moves.map((m) => keyOf(m.from)));
  const columns = order(matrix.moves.map((m) => keyOf(m.to)));
  const at = new Map(matrix.moves.map((m) => [`${keyOf(m.from)}>${keyOf(m.to)}`, m]));
  const max = Math.max(...matrix.moves.map((m) => m.moves));
  const name = (key: string, side: 'from' | 'to') =>
    key === NONE
      ? t(side === 'from' ? 'segments.moves.noneBefore' : 'segments.moves.noneAfter')
      : segmentDisplayName(key, t);
  const total = matrix.moves.reduce((n, m) => n + m.moves, 0);
  return (
    <>
      <p className="muted">{t('segments.moves.total', { moves: formatCount(total, locale) })}</p>
      <div className="moves-scroll">
        <table className="moves-table" data-testid="moves-table">
          <thead>
            <tr>
              <th scope="col" className="moves-corner">
                {t('segments.moves.fromTo')}
              </th>
              {columns.map((column) => (
                <th key={column} scope="col" title={name(column, 'to')}>
                  {matrix.family === 'rfm' && column !== NONE ? column : name(column, 'to')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th scope="row" title={name(row, 'from')}>
                  {matrix.family === 'rfm' && row !== NONE ? row : name(row, 'from')}
                </th>
                {columns.map((column) => {
                  const move = at.get(`${row}>${column}`);
                  const value = move?.moves ?? 0;
                  return (
                    <td
                      key={column}
                      data-from={row}
                      data-to={column}
                      data-moves={value}
                      style={{
                        background: value === 0 ? undefined : heatColor(value, max),
                        color: heatTextColor(value, max),
                      }}
                      title={t('segments.moves.cell', {
                        from: name(row, 'from'),
                        to: name(column, 'to'),
                        moves: formatCount(value, locale),
                        clients: formatCount(move?.clients ?? 0, locale),
                      })}
                    >
                      {value === 0 ? '' : formatCount(value, locale)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
