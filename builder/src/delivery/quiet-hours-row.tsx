import type { ChannelKind } from '@touchpoint/language';
import { useT } from '../i18n/i18n';
import { quietSpans, type QuietRow } from './delivery-model';

const STRIP_WIDTH = 240;
const STRIP_HEIGHT = 14;
const HOUR_TICKS = [0, 6, 12, 18, 24];

/** The day from 00:00 to 24:00 with the quiet hours shaded, so a window over midnight reads as one night. */
function DayStrip({ row, label }: { row: QuietRow; label: string }) {
  const x = (minute: number) => (minute / 1440) * STRIP_WIDTH;
  return (
    <svg
      className="quiet-strip"
      width={STRIP_WIDTH}
      height={STRIP_HEIGHT + 12}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${STRIP_WIDTH} ${STRIP_HEIGHT + 12}`}
    >
      <rect x={0} y={0} width={STRIP_WIDTH} height={STRIP_HEIGHT} className="quiet-strip-day" />
      {quietSpans(row).map(([start, end]) => (
        <rect
          key={start}
          x={x(start)}
          y={0}
          width={x(end) - x(start)}
          height={STRIP_HEIGHT}
          className="quiet-strip-night"
        />
      ))}
      {HOUR_TICKS.map((hour) => (
        <text
          key={hour}
          x={Math.min(Math.max(x(hour * 60), 6), STRIP_WIDTH - 6)}
          y={STRIP_HEIGHT + 11}
          textAnchor="middle"
          className="quiet-strip-tick"
        >
          {hour}
        </text>
      ))}
    </svg>
  );
}

/** One channel's quiet hours: on or off, from and to (local time of the client), and the day drawn. */
export function QuietHoursRow({
  channel,
  row,
  errors,
  onChange,
}: {
  channel: ChannelKind;
  row: QuietRow;
  errors: ReadonlyMap<string, string>;
  onChange: (row: QuietRow) => void;
}) {
  const t = useT();
  const name = t(`channel.${channel}`);
  const field = `quietHours.${channel}`;
  const error = [errors.get(field), errors.get(`${field}.start`), errors.get(`${field}.end`)]
    .filter(Boolean)
    .join('; ');
  return (
    <div className={error ? 'quiet-row has-error' : 'quiet-row'} data-testid={`quiet-${channel}`}>
      <label className="quiet-switch">
        <input
          type="checkbox"
          checked={row.isOn}
          aria-label={t('delivery.quiet.on', { channel: name })}
          onChange={(event) => onChange({ ...row, isOn: event.target.checked })}
        />
        {name}
      </label>
      <span className="quiet-times">
        {row.isOn ? (
          <>
            <span>{t('delivery.quiet.from')}</span>
            <input
              type="time"
              data-field={`${field}.start`}
              aria-invalid={errors.has(`${field}.start`)}
              aria-label={`${name}: ${t('delivery.quiet.from')}`}
              value={row.start}
              onChange={(event) => onChange({ ...row, start: event.target.value })}
            />
            <span>{t('delivery.quiet.to')}</span>
            <input
              type="time"
              data-field={`${field}.end`}
              aria-invalid={errors.has(`${field}.end`)}
              aria-label={`${name}: ${t('delivery.quiet.to')}`}
              value={row.end}
              onChange={(event) => onChange({ ...row, end: event.target.value })}
            />
          </>
        ) : (
          <span className="muted">{t('delivery.quiet.anyTime')}</span>
        )}
      </span>
      <DayStrip row={row} label={t('delivery.quiet.chart', { channel: name })} />
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
