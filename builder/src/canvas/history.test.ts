import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, pushHistory, redoHistory, undoHistory } from './history';

describe('history', () => {
  it('undoes and redoes edits in order', () => {
    let history = createHistory('a');
    history = pushHistory(history, 'b');
    history = pushHistory(history, 'c');
    history = undoHistory(history);
    expect(history.present).toBe('b');
    history = undoHistory(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    history = redoHistory(redoHistory(history));
    expect(history.present).toBe('c');
    expect(canRedo(history)).toBe(false);
  });

  it('forgets the redo branch after a new edit', () => {
    let history = pushHistory(pushHistory(createHistory(1), 2), 3);
    history = pushHistory(undoHistory(history), 4);
    expect(canRedo(history)).toBe(false);
    expect(undoHistory(history).present).toBe(2);
  });

  it('keeps at most the limit of undo steps, dropping the oldest', () => {
    let history = createHistory(0);
    for (let step = 1; step <= 10; step += 1) history = pushHistory(history, step, 3);
    expect(history.past).toEqual([7, 8, 9]);
  });

  it('ignores undo and redo when there is nothing to move', () => {
    const history = createHistory('only');
    expect(undoHistory(history)).toBe(history);
    expect(redoHistory(history)).toBe(history);
  });
});
