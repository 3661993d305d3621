import { describe, expect, it } from 'vitest';
import { describeStratumKey, type StratumWords } from './stratum-names';

const words: StratumWords = {
  factor: (name) => ({ rfmCell: 'RFM cell', totalValue: 'Total spend' })[name] ?? name,
  any: 'any',
  unknown: 'unknown',
  everyone: 'All clients',
};

describe('stratum names', () => {
  it('names each factor and value in order', () => {
    expect(describeStratumKey('rfmCell=R1F1M1|region=EU', words)).toBe('RFM cell R1F1M1 · region EU');
  });

  it('says "any" for a merged factor, "unknown" for a missing value, and everyone for the empty key', () => {
    expect(describeStratumKey('totalValue=∅|region=*', words)).toBe('Total spend unknown · region any');
    expect(describeStratumKey('', words)).toBe('All clients');
  });
});
