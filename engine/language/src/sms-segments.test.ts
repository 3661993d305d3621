import { describe, expect, it } from 'vitest';
import { countSmsSegments } from './sms-segments';

describe('countSmsSegments', () => {
  it('fits 160 plain latin characters in one GSM-7 segment', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({
      encoding: 'gsm7',
      units: 160,
      segments: 1,
      remaining: 0,
    });
  });

  it('splits 161 GSM-7 characters into two segments of 153', () => {
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ segments: 2, remaining: 145 });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters such as the euro sign as two septets', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(countSmsSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('never splits an escape pair across a segment boundary', () => {
    // 152 plain septets then a euro: the euro moves whole into the second segment.
    expect(countSmsSegments('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({
      segments: 2,
      remaining: 141,
    });
  });

  it('switches to UCS-2 for Cyrillic with 70 and 67 unit segments', () => {
    expect(countSmsSegments('П'.repeat(70))).toMatchObject({ encoding: 'ucs2', segments: 1, remaining: 0 });
    expect(countSmsSegments('П'.repeat(71))).toMatchObject({ encoding: 'ucs2', segments: 2 });
    expect(countSmsSegments('П'.repeat(134)).segments).toBe(2);
    expect(countSmsSegments('П'.repeat(135)).segments).toBe(3);
  });

  it('makes a single Cyrillic letter turn a latin text into UCS-2', () => {
    expect(countSmsSegments('Your code is 1234, спасибо').encoding).toBe('ucs2');
  });

  it('counts an emoji as two UCS-2 units', () => {
    expect(countSmsSegments('🎉')).toMatchObject({ encoding: 'ucs2', units: 2, segments: 1 });
  });

  it('reports zero segments for an empty text', () => {
    expect(countSmsSegments('').segments).toBe(0);
  });
});
