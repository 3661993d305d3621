import { describe, expect, it } from 'vitest';
import { journeyFileName } from './journey-file';

describe('journeyFileName', () => {
  it('keeps the journey name readable, Cyrillic included, without path characters', () => {
    expect(journeyFileName('Win back / SMS: 30 days')).toBe('Win-back-SMS-30-days.journey.json');
    expect(journeyFileName('Возврат клиентов')).toBe('Возврат-клиентов.journey.json');
  });

  it('names a journey without a usable name "journey"', () => {
    expect(journeyFileName(' // ')).toBe('journey.journey.json');
  });
});
