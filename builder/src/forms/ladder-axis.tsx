import { readPath } from '../nodes/read-config';
import { useT } from '../i18n/i18n';
import { dayToPercent, formatDayOffset, rungBounds, staggerRows, type DayRange } from './ladder-scale';
import { useRungDrag, type RungMove } from './use-rung-drag';

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

const CHANNEL_ICONS: Record<string, string> = { email: '✉', sms: '✆', call: '☎', webhook: '⇄' };

/** Whole-day tick marks for a roomy axis: every day on short ladders, every week on long ones. */
function tickDays(range: DayRange): number[] {
  const step = range.max - range.min > 45 ? 7 : 1;
  const ticks: number[] = [];
  for (let day = Math.ceil(range.min / step) * step; day <= range.max; day += step) ticks.push(day);
  return ticks;
}

/**
 * The ladder as a marketer pictures it: one time axis, the checkpoint in the middle, reminders to
 * its left (before) and escalating pushes to its right (after). Given `onMoveRung`, rungs can be
 * dragged along the axis (whole days, kept in order) or moved a day at a time with ← / →.
 */
export function LadderAxis({
  config,
  compact = false,
  selected,
  onSelect,
  onPreview,
  onMoveRung,
}: {
  config: unknown;
  compact?: boolean;
  selected?: number;
  onSelect?: (index: number) => void;
  /** The rung being dragged and the day it would land on, or null once the drag ends. */
  onPreview?: (move: RungMove | null) => void;
  /** A finished drag or key press: one edit. */
  onMoveRung?: (move: RungMove) => void;
}) {
  const t = useT();
  const read = readAxisRungs(config);
  const days = read.map((rung) => rung.days);
  const { dragging, range, rungHandlers } = useRungDrag({
    days,
    onSelect,
    onPreview,
    onMoveRung,
  });
  const rungs = read.map((rung) => (dragging?.index === rung.index ? { ...rung, days: dragging.day } : rung));
  const x = (day: number) => dayToPercent(day, range);
  const dayLabel = (day: number) => t('ladder.days', { days: formatDayOffset(day) });
  const movable = onMoveRung !== undefined;
  // A label is about 15 % of the side panel wide; the canvas summary stays one row.
  const rows = movable
    ? staggerRows(
        rungs.map((rung) => x(rung.days)),
        15,
      )
    : rungs.map(() => 0);
  return (
    <div
      className={`ladder-axis ${compact ? 'compact' : ''} ${movable ? 'movable' : ''} ${rows.includes(1) ? 'two-rows' : ''}`}
      data-testid="ladder-axis"
    >
      <div className="ladder-line" />
      {movable &&
        tickDays(range).map((day) => (
          <span
            key={day}
            className={`ladder-tick ${day === 0 ? 'zero' : day % 7 === 0 ? 'week' : ''}`}
            style={{ left: `${x(day)}%` }}
          />
        ))}
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
          className={[
            'ladder-rung',
            rung.days < 0 ? 'before' : 'after',
            selected === rung.index ? 'active' : '',
            dragging?.index === rung.index ? 'dragging' : '',
            rows[rung.index] === 1 ? 'lower' : '',
          ].join(' ')}
          style={{ left: `${x(rung.days)}%` }}
          onClick={onSelect ? () => onSelect(rung.index) : undefined}
          tabIndex={onSelect ? 0 : -1}
          title={`${rung.id}: ${dayLabel(rung.days)}`}
          data-testid={`ladder-rung-${rung.index}`}
          {...(movable && {
            role: 'slider',
            'aria-label': t('ladder.rung', { index: rung.index + 1 }),
            'aria-valuemin': Math.max(range.min, rungBounds(days, rung.index).min),
            'aria-valuemax': Math.min(range.max, rungBounds(days, rung.index).max),
            'aria-valuenow': rung.days,
            'aria-valuetext': dayLabel(rung.days),
            'aria-orientation': 'horizontal' as const,
            ...rungHandlers(rung.index),
          })}
        >
          <span className="ladder-rung-icon">{rung.channels.map((c) => CHANNEL_ICONS[c] ?? c).join('')}</span>
          <span className="ladder-rung-day">{dayLabel(rung.days)}</span>
        </button>
      ))}
      {dragging && (
        <output
          className="ladder-drag-value"
          style={{ left: `${x(dragging.day)}%` }}
          data-testid="ladder-drag-value"
        >
          {dayLabel(dragging.day)}
        </output>
      )}
    </div>
  );
}
