import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, isOffset, testPathBody } from './test-path-script';

describe('testPathBody', () => {
  it('sends a made-up client with the typed facts and the non-blank events', () => {
    const body = testPathBody({
      ...EMPTY_FORM,
      rows: [
        { at: '+74d', type: 'purchase', step: '' },
        { at: '+1d', type: '  ', step: '' },
        { at: '+3d', type: 'call.booking', step: 'ladder' },
      ],
    });
    expect(body).toEqual({
      version: 'draft',
      client: { attributes: { firstName: 'Anna' }, facts: { expectedNextPurchaseAt: '+60d' } },
      events: [
        { at: '+74d', type: 'purchase' },
        { at: '+3d', type: 'call.booking', step: 'ladder' },
      ],
      horizon: '+400d',
    });
  });

  it('sends only the id of a real client', () => {
    expect(testPathBody({ ...EMPTY_FORM, who: 'real', clientId: ' c-42 ', rows: [] })).toEqual({
      version: 'draft',
      clientId: 'c-42',
      events: [],
      horizon: '+400d',
    });
  });
});

describe('isOffset', () => {
  it('accepts offsets from the start only', () => {
    expect(isOffset('+2d')).toBe(true);
    expect(isOffset('-2d')).toBe(false);
    expect(isOffset('tomorrow')).toBe(false);
  });
});
