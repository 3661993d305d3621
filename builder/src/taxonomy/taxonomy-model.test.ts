import { describe, expect, it } from 'vitest';
import { moveRow, sortIssues, toActions, toRows } from './taxonomy-model';

const RULES = [
  { action: 'open', labels: { en: 'Open', ru: 'Открытие' }, windowDays: 5, eventTypes: ['email.opened'] },
  {
    action: 'click',
    labels: { en: 'Click', ru: 'Клик' },
    windowDays: 5,
    eventTypes: ['email.clicked', 'sms.clicked'],
  },
];

describe('the taxonomy form model', () => {
  it('round-trips the saved actions through the form rows', () => {
    expect(toActions(toRows(RULES))).toEqual(RULES);
  });

  it('splits event types on commas, spaces and line breaks', () => {
    const [row] = toRows([RULES[0]!]);
    expect(toActions([{ ...row!, eventTypes: 'a.b,  c.d\ne.f,' }])[0]).toMatchObject({
      eventTypes: ['a.b', 'c.d', 'e.f'],
    });
  });

  it('sends a window that is not a whole number as typed, for the server to name', () => {
    const [row] = toRows([RULES[0]!]);
    expect(toActions([{ ...row!, windowDays: 'ten' }])[0]).toMatchObject({ windowDays: 'ten' });
  });

  it('moves a row up and down and ignores moves past the ends', () => {
    const rows = toRows(RULES);
    expect(moveRow(rows, 1, -1).map((row) => row.action)).toEqual(['click', 'open']);
    expect(moveRow(rows, 0, -1)).toBe(rows);
  });

  it('puts each issue on its row and field, the rest on the form', () => {
    const errors = sortIssues([
      { path: 'body.actions.1.eventTypes.0', message: 'event type "email.opened" already produces "open"' },
      { path: 'body.actions.0.labels.ru', message: 'Too small' },
      { path: 'body.actions.0.windowDays', message: 'Too big' },
      { path: 'body.actions', message: 'Too small: expected array to have >=1 items' },
    ]);
    expect(errors.byRow.get(1)).toEqual({
      eventTypes: ['#1: event type "email.opened" already produces "open"'],
    });
    expect(errors.byRow.get(0)).toEqual({ 'labels.ru': ['Too small'], windowDays: ['Too big'] });
    expect(errors.general).toEqual(['Too small: expected array to have >=1 items']);
  });
});
