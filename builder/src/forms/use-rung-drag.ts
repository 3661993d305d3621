import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { axisRange, dragToDay, nudgeDay, rungBounds, type DayRange } from './ladder-scale';

/** A rung moved to a whole day from the checkpoint (negative = before it). */
export interface RungMove {
  index: number;
  day: number;
}

/** The rung being dragged right now, and the axis range frozen when the drag began. */
export interface RungDragState extends RungMove {
  range: DayRange;
}

interface DragStart {
  index: number;
  pointerId: number;
  startX: number;
  startDay: number;
  widthPx: number;
  range: DayRange;
  bounds: DayRange;
  moved: boolean;
  day: number;
}

/** Movement (px) below which a press on a rung is a click that selects it, not a drag. */
const DRAG_THRESHOLD_PX = 3;
const WEEK = 7;

/**
 * Pointer (mouse, pen, touch) and keyboard moving of ladder rungs. The axis range is frozen while a
 * drag lasts so the rung follows the pointer instead of the scale shifting under it; only the release
 * reports a move, so one drag is one edit (one undo step), while `onPreview` keeps the form in step.
 */
export function useRungDrag({
  days,
  onSelect,
  onPreview,
  onMoveRung,
}: {
  days: readonly number[];
  onSelect?: (index: number) => void;
  onPreview?: (move: RungMove | null) => void;
  onMoveRung?: (move: RungMove) => void;
}) {
  const start = useRef<DragStart | null>(null);
  const [dragging, setDragging] = useState<RungDragState | null>(null);
  const range = dragging?.range ?? axisRange(days, onMoveRung !== undefined);

  const stop = () => {
    start.current = null;
    setDragging(null);
    onPreview?.(null);
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>, index: number) => {
    onSelect?.(index);
    const axis = event.currentTarget.parentElement;
    const day = days[index];
    if (!onMoveRung || !axis || day === undefined || (event.pointerType === 'mouse' && event.button !== 0))
      return;
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = {
      index,
      pointerId: event.pointerId,
      startX: event.clientX,
      startDay: day,
      widthPx: axis.getBoundingClientRect().width,
      range,
      bounds: rungBounds(days, index),
      moved: false,
      day,
    };
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const drag = start.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const deltaPx = event.clientX - drag.startX;
    if (!drag.moved && Math.abs(deltaPx) < DRAG_THRESHOLD_PX) return;
    drag.moved = true;
    const day = dragToDay({ ...drag, deltaPx });
    if (day === drag.day && dragging) return;
    drag.day = day;
    setDragging({ index: drag.index, day, range: drag.range });
    onPreview?.({ index: drag.index, day });
  };

  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const drag = start.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    stop();
    if (drag.moved && drag.day !== drag.startDay) onMoveRung?.({ index: drag.index, day: drag.day });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    if (event.key === 'Escape' && start.current) {
      stop();
      event.preventDefault();
      return;
    }
    const direction = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const day = days[index];
    if (direction === 0 || day === undefined || !onMoveRung) return;
    event.preventDefault();
    const next = nudgeDay(day, direction, rungBounds(days, index), event.shiftKey ? WEEK : 1);
    if (next !== day) onMoveRung({ index, day: next });
  };

  /** Props for rung `index`'s element on the axis. */
  const rungHandlers = (index: number) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => onPointerDown(event, index),
    onPointerMove,
    onPointerUp,
    onPointerCancel: stop,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index),
  });

  return { dragging, range, rungHandlers };
}
