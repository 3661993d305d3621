import { offsetTextToMs } from '@touchpoint/language';

/** One row of the script the marketer writes in the panel. */
export interface ScriptRow {
  at: string;
  type: string;
  /** The drawn step whose message the event answers; '' for none. */
  step: string;
}

/** The form of the panel, as typed. */
export interface TestPathForm {
  version: 'draft' | number;
  who: 'madeUp' | 'real';
  clientId: string;
  firstName: string;
  timeZone: string;
  expectedNext: string;
  rows: ScriptRow[];
  horizon: string;
}

export const EMPTY_FORM: TestPathForm = {
  version: 'draft',
  who: 'madeUp',
  clientId: '',
  firstName: 'Anna',
  timeZone: '',
  expectedNext: '+60d',
  rows: [{ at: '+2d', type: 'email.opened', step: '' }],
  horizon: '+400d',
};

/** Event types offered while typing (any other type may be typed). */
export const SUGGESTED_EVENT_TYPES = [
  'purchase',
  'email.opened',
  'email.clicked',
  'call.booking',
  'call.refused',
];

/** Whether `text` is an offset the server accepts. */
export function isOffset(text: string): boolean {
  return (offsetTextToMs(text) ?? -1) >= 0;
}

/** The request body of `POST /v1/journeys/:id/test-path` for the form (blank rows left out). */
export function testPathBody(form: TestPathForm): Record<string, unknown> {
  const events = form.rows
    .filter((row) => row.type.trim() !== '')
    .map((row) => ({ at: row.at.trim(), type: row.type.trim(), ...(row.step ? { step: row.step } : {}) }));
  const client =
    form.who === 'real'
      ? { clientId: form.clientId.trim() }
      : {
          client: {
            attributes: form.firstName.trim() ? { firstName: form.firstName.trim() } : {},
            ...(form.timeZone.trim() ? { timeZone: form.timeZone.trim() } : {}),
            facts: form.expectedNext.trim() ? { expectedNextPurchaseAt: form.expectedNext.trim() } : {},
          },
        };
  return { version: form.version, ...client, events, horizon: form.horizon.trim() };
}
