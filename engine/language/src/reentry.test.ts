import { describe, expect, it } from 'vitest';
import { mayEnterAgain } from './reentry';

const fresh = { isInside: false, hasEnteredBefore: false };
const inside = { isInside: true, hasEnteredBefore: true };
const left = { isInside: false, hasEnteredBefore: true };

describe('mayEnterAgain', () => {
  it('lets a client into a once journey only the first time', () => {
    expect(mayEnterAgain('once', fresh)).toBe(true);
    expect(mayEnterAgain('once', inside)).toBe(false);
    expect(mayEnterAgain('once', left)).toBe(false);
  });

  it('lets a client into an afterExit journey again only once the last run ended', () => {
    expect(mayEnterAgain('afterExit', fresh)).toBe(true);
    expect(mayEnterAgain('afterExit', inside)).toBe(false);
    expect(mayEnterAgain('afterExit', left)).toBe(true);
  });

  it('starts a concurrent journey for every entry event', () => {
    expect(mayEnterAgain('concurrent', inside)).toBe(true);
  });
});
