import { describe, expect, it } from 'vitest';
import { EMPTY_FORECAST_FORM, enteredSteps, forecastBody, isForecastFormValid } from './forecast-form';

describe('forecastBody', () => {
  it('sends the whole base replaying history by default', () => {
    expect(forecastBody(EMPTY_FORECAST_FORM)).toEqual({
      version: 'draft',
      audience: { kind: 'all' },
      horizonDays: 90,
      behaviour: { kind: 'history' },
    });
  });

  it('sends listed clients, a start day, the rates as shares, a capacity and a version to compare', () => {
    const body = forecastBody({
      ...EMPTY_FORECAST_FORM,
      version: 2,
      compareWith: 'draft',
      audience: 'clients',
      clientIds: 'c-1, c-2\nc-3 ',
      startDate: '1997-06-01',
      behaviour: 'rates',
      open: '30',
      click: '10',
      purchase: '50',
      seed: '7',
      callCapacity: '12',
    });
    expect(body).toEqual({
      version: 2,
      compareWith: 'draft',
      audience: { kind: 'clients', clientIds: ['c-1', 'c-2', 'c-3'] },
      horizonDays: 90,
      startAt: '1997-06-01T00:00:00Z',
      behaviour: { kind: 'rates', open: 0.3, click: 0.1, purchase: 0.5, seed: 7 },
      callCapacityPerDay: 12,
    });
  });
});

describe('isForecastFormValid', () => {
  it('refuses a horizon past 400 days, a rate over 100 % and a segment left unpicked', () => {
    expect(isForecastFormValid(EMPTY_FORECAST_FORM)).toBe(true);
    expect(isForecastFormValid({ ...EMPTY_FORECAST_FORM, horizonDays: '401' })).toBe(false);
    expect(isForecastFormValid({ ...EMPTY_FORECAST_FORM, behaviour: 'rates', open: '120' })).toBe(false);
    expect(isForecastFormValid({ ...EMPTY_FORECAST_FORM, audience: 'segment' })).toBe(false);
  });
});

describe('enteredSteps', () => {
  it("labels a ladder's inner steps by rung and part, so no two bars share a label, most arrivals first", () => {
    const step = (name: string, entered: number) => ({ name, entered, sent: 0, converted: 0 });
    const labels = enteredSteps({
      journeyId: 'j',
      version: 1,
      clients: 2,
      horizonDays: 1,
      enrolled: 2,
      converted: 0,
      failed: [],
      steps: {
        'ladder/remind/send': step('Ladder · remind', 1),
        entry: step('entry', 2),
        'ladder/remind/wait': step('Ladder · remind', 2),
        'ladder/call/send': step('Ladder · call', 0),
      },
      nodes: {},
      days: [],
      elapsedMs: 0,
    }).map((one) => [one.label, one.part]);
    expect(labels).toEqual([
      ['entry', null],
      ['remind', 'wait'],
      ['remind', 'send'],
    ]);
  });
});
