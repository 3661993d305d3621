import { describe, expect, it } from 'vitest';
import { describeCronProblem } from './cron';

describe('describeCronProblem', () => {
  it.each(['0 9 * * *', '*/15 8-18 * * MON-FRI', '0 0 1,15 * ?', '30 6 * JAN,JUL 0', '@daily', '0 12 * * 7'])(
    'accepts %s',
    (cron) => expect(describeCronProblem(cron)).toBeNull(),
  );

  it.each([
    ['not a cron', '5 fields'],
    ['61 * * * *', 'minute'],
    ['0 24 * * *', 'hour'],
    ['0 0 0 * *', 'day of month'],
    ['0 0 * 13 *', 'month'],
    ['0 0 * * FUNDAY', 'day of week'],
    ['*/0 * * * *', 'step'],
    ['0 9-5 * * *', 'ends before it starts'],
    ['@fortnightly', 'shorthand'],
    ['0 0 * * * *', '5 fields'],
  ])('refuses %s, naming the %s', (cron, named) => {
    expect(describeCronProblem(cron)).toContain(named);
  });
});
