import { describe, expect, it } from 'vitest';
import { isValidTimeZone, nextLocalTime, toWallClock } from './time-of-day';

describe('nextLocalTime', () => {
  it('finds 10:00 the same day in Moscow (UTC+3)', () => {
    const from = Date.parse('2024-03-04T05:00:00Z'); // 08:00 Moscow, Monday
    expect(new Date(nextLocalTime(from, '10:00', [], 'Europe/Moscow')).toISOString()).toBe(
      '2024-03-04T07:00:00.000Z',
    );
  });

  it('rolls to the next day when the time has passed', () => {
    const from = Date.parse('2024-03-04T08:00:00Z'); // 11:00 Moscow
    expect(new Date(nextLocalTime(from, '10:00', [], 'Europe/Moscow')).toISOString()).toBe(
      '2024-03-05T07:00:00.000Z',
    );
  });

  it('honours weekdays (Saturday = 6)', () => {
    const from = Date.parse('2024-03-04T05:00:00Z'); // Monday
    expect(new Date(nextLocalTime(from, '09:30', [6], 'Europe/Moscow')).toISOString()).toBe(
      '2024-03-09T06:30:00.000Z',
    );
  });

  it('follows daylight saving time in New York', () => {
    const beforeShift = Date.parse('2024-03-09T15:00:00Z'); // Saturday 10:00 EST (UTC-5)
    expect(new Date(nextLocalTime(beforeShift, '09:00', [], 'America/New_York')).toISOString()).toBe(
      '2024-03-10T13:00:00.000Z', // Sunday, EDT (UTC-4)
    );
  });

  it('lands after the gap for a time that does not exist', () => {
    const from = Date.parse('2024-03-10T05:00:00Z'); // 00:00 EST on the switch day
    const at = nextLocalTime(from, '02:30', [], 'America/New_York');
    expect(toWallClock(at, 'America/New_York').hour).toBe(3);
  });

  it('rejects a malformed time', () => {
    expect(() => nextLocalTime(0, '25:00', [], 'UTC')).toThrow(/HH:MM/);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects others', () => {
    expect(isValidTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
