import { readPath } from '../nodes/read-config';
import { useT } from '../i18n/i18n';

const DAYS_PER_UNIT: Record<string, number> = { minutes: 1 / 1440, hours: 1 / 24, days: 1, weeks: 7 };

/** A rung as drawn on the axis: where it sits (in days from the checkpoint) and what it sends. */
export interface AxisRung {
  index: number;
  id: string;
  days: number;
  channels: string[];
}

/** Reads the rungs of a (possibly half-filled) ladder config, in days from the checkpoint. */
export function readAxisRungs(config: unknown): AxisRung[] {
  const rungs = readPath(config, 'rungs');
  if (!Array.isArray(rungs)) return [];
  return rungs.map((rung: unknown, index) => {
    const amount = Number(readPath(rung, 'offset.amount') ?? 0);
    const unit = String(readPath(rung, 'offset.unit') ?? 'days');
    const channels = readPath(rung, 'channels');
    return {
      index,
      id: String(readPath(rung, 'id') ?? index),
      days: amount * (DAYS_PER_UNIT[unit] ?? 1),
      channels: Array.isArray(channels) ? channels.map(String) : [],
    };
  });
}

/** Horizontal position (0..100 %) of each day value, with the checkpoint always inside the axis. */
export function axisScale(days: readonly number[]): (day: number) => number {
  const min = Math.min(0, ...days);
  const max = Math.max(0, ...days);
  const span = max - min || 1;
  return (day) => 6 + ((day - min) / span) * 88;
}

const CHANNEL_ICONS: Record<string, string> = { email: '✉', sms: '✆', call: '☎', webhook: '⇄' };

/**
 * The ladder as a marketer pictures it: one time axis, the checkpoint in the middle, reminders to
 * its left (before) and escalating pushes to its right (after).
 */
export function LadderAxis({
  config,
  compact = false,
  selected,
  onSelect,
}: {
  config: unknown;
  compact?: boolean;
  selected?: number;
  onSelect?: (index: number) => void;
}) {
  const t = useT();
  const rungs = readAxisRungs(config);
  const x = axisScale(rungs.map((rung) => rung.days));
  return (
    <div className={compact ? 'ladder-axis compact' : 'ladder-axis'} data-testid="ladder-axis">
      <div className="ladder-line" />
      {!compact && (
        <>
          <span className="ladder-side before" style={{ right: `${100 - x(0)}%` }}>
            ← {t('ladder.before')}
          </span>
          <span className="ladder-side after" style={{ left: `${x(0)}%` }}>
            {t('ladder.after')} →
          </span>
        </>
      )}
      <div className="ladder-checkpoint" style={{ left: `${x(0)}%` }} title={t('ladder.checkpoint')}>
        <span>{compact ? '◆' : `◆ ${t('ladder.checkpoint')}`}</span>
      </div>
      {rungs.map((rung) => (
        <button
          key={`${rung.id}-${rung.index}`}
          type="button"
          className={`ladder-rung ${rung.days < 0 ? 'before' : 'after'} ${selected === rung.index ? 'active' : ''}`}
          style={{ left: `${x(rung.days)}%` }}
          onClick={onSelect ? () => onSelect(rung.index) : undefined}
          tabIndex={onSelect ? 0 : -1}
          title={`${rung.id}: ${rung.days > 0 ? '+' : ''}${rung.days} d`}
        >
          <span className="ladder-rung-icon">{rung.channels.map((c) => CHANNEL_ICONS[c] ?? c).join('')}</span>
          <span className="ladder-rung-day">
            {rung.days > 0 ? '+' : ''}
            {t('ladder.days', { days: Math.round(rung.days * 10) / 10 })}
          </span>
        </button>
      ))}
    </div>
  );
}
