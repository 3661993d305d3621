import type { z } from 'zod';
import type { ForecastRequest, ForecastResult } from '../api/schemas';

/** What the forecast panel's form holds, as typed. */
export interface ForecastForm {
  version: 'draft' | number;
  /** A second version forecast beside the first (a dry run of a change); null for none. */
  compareWith: 'draft' | number | null;
  audience: 'all' | 'segment' | 'clients';
  segmentId: string;
  /** CRM ids, one per line or separated by commas. */
  clientIds: string;
  horizonDays: string;
  /** The real day the forecast starts from (YYYY-MM-DD); blank for today. */
  startDate: string;
  behaviour: 'history' | 'rates';
  open: string;
  click: string;
  purchase: string;
  seed: string;
  callCapacity: string;
}

export const EMPTY_FORECAST_FORM: ForecastForm = {
  version: 'draft',
  compareWith: null,
  audience: 'all',
  segmentId: '',
  clientIds: '',
  horizonDays: '90',
  startDate: '',
  behaviour: 'history',
  open: '20',
  click: '10',
  purchase: '5',
  seed: '1',
  callCapacity: '',
};

const percent = (text: string) => Number(text) / 100;

/** The request body the form stands for (the server checks it again and names any bad field). */
export function forecastBody(form: ForecastForm): z.input<typeof ForecastRequest> {
  const audience =
    form.audience === 'segment'
      ? { kind: 'segment' as const, segmentId: form.segmentId }
      : form.audience === 'clients'
        ? {
            kind: 'clients' as const,
            clientIds: form.clientIds
              .split(/[\s,;]+/)
              .map((id) => id.trim())
              .filter(Boolean),
          }
        : { kind: 'all' as const };
  return {
    version: form.version,
    ...(form.compareWith !== null ? { compareWith: form.compareWith } : {}),
    audience,
    horizonDays: Number(form.horizonDays),
    ...(form.startDate ? { startAt: `${form.startDate}T00:00:00Z` } : {}),
    behaviour:
      form.behaviour === 'rates'
        ? {
            kind: 'rates',
            open: percent(form.open),
            click: percent(form.click),
            purchase: percent(form.purchase),
            seed: Number(form.seed),
          }
        : { kind: 'history' },
    ...(form.callCapacity.trim() !== '' ? { callCapacityPerDay: Number(form.callCapacity) } : {}),
  };
}

/** The form's own checks, before anything is sent: a horizon of 1…400 days, rates as percents. */
export function isForecastFormValid(form: ForecastForm): boolean {
  const horizon = Number(form.horizonDays);
  const isPercent = (text: string) => text.trim() !== '' && Number(text) >= 0 && Number(text) <= 100;
  const isCount = (text: string) =>
    text.trim() === '' || (Number.isInteger(Number(text)) && Number(text) >= 0);
  return (
    Number.isInteger(horizon) &&
    horizon >= 1 &&
    horizon <= 400 &&
    isCount(form.callCapacity) &&
    (form.audience !== 'segment' || form.segmentId !== '') &&
    (form.audience !== 'clients' || form.clientIds.trim() !== '') &&
    (form.behaviour === 'history' || [form.open, form.click, form.purchase].every(isPercent))
  );
}

/** One bar of the arrivals chart. */
export interface EnteredStep {
  id: string;
  label: string;
  part: 'wait' | 'send' | null;
  entered: number;
}

/**
 * Steps that something entered, most arrivals first (a funnel's order). A drawn step is labelled by
 * its name; a ladder's inner step by its rung and part (`remind`, `send`), since every inner step of
 * a ladder carries the ladder's name, and the part is said in the reader's language.
 */
export function enteredSteps(result: ForecastResult): EnteredStep[] {
  return Object.entries(result.steps)
    .filter(([, step]) => step.entered > 0)
    .map(([id, step]): EnteredStep => {
      const [, rung, part] = id.split('/');
      const stepPart = part === 'wait' || part === 'send' ? part : null;
      const isPart = rung !== undefined && stepPart !== null;
      return { id, label: isPart ? rung : step.name, part: isPart ? stepPart : null, entered: step.entered };
    })
    .sort((a, b) => b.entered - a.entered || a.id.localeCompare(b.id));
}

/** Days whose call tasks exceed the capacity the marketer entered. */
export function daysOverCapacity(result: ForecastResult, capacity: number | null): number {
  return capacity === null ? 0 : result.days.filter((day) => day.callTasks > capacity).length;
}
