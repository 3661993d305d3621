import { describe, expect, it } from 'vitest';
import { JourneySettings } from '@touchpoint/language';
import { isoToLocalInput, localInputToIso } from './local-date-time';

describe('entry window times', () => {
  it('writes what the input shows as an ISO time the settings schema accepts, and reads it back', () => {
    const iso = localInputToIso('2026-12-01T09:30');
    expect(iso).toMatch(/^2026-12-01T09:30:00[+-]\d{2}:\d{2}$/);
    expect(JourneySettings.safeParse({ entryWindow: { from: iso } }).success).toBe(true);
    expect(isoToLocalInput(iso ?? '')).toBe('2026-12-01T09:30');
  });

  it('treats blank or broken values as no time', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2026-13-45T99:00')).toBeNull();
    expect(isoToLocalInput(undefined)).toBe('');
    expect(isoToLocalInput('not a date')).toBe('');
  });
});
