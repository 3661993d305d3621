import { DEFAULT_FUNNEL_TAXONOMY } from '@touchpoint/language';
import { createApiKey } from '@touchpoint/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from '../api/api-fixture';

// The funnel taxonomy is configuration: seed 000's defaults out of the box, a new version per save,
// every bad field refused with a 400 that names it.
describe('GET / PUT /v1/funnel-taxonomy', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture?.close());

  const put = (body: unknown, headers = ADMIN) =>
    fixture.app.inject({ method: 'PUT', url: '/v1/funnel-taxonomy', headers, payload: body as object });
  const renamed = DEFAULT_FUNNEL_TAXONOMY.map((rule) =>
    rule.action === 'deal' ? { ...rule, windowDays: 60 } : rule,
  );

  it('answers seed 000’s defaults as version 1, with a 30-day deal window', async () => {
    const response = await fixture.app.inject({ method: 'GET', url: '/v1/funnel-taxonomy', headers: ADMIN });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ version: 1, actions: DEFAULT_FUNNEL_TAXONOMY });
    expect(response.json().actions.map((rule: { windowDays: number }) => rule.windowDays)).toEqual([
      5, 5, 7, 14, 14, 30,
    ]);
  });

  it('saves a new version an admin puts, and answers it from then on', async () => {
    const saved = await put({ actions: renamed });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, actions: renamed });
    const current = await fixture.app.inject({ method: 'GET', url: '/v1/funnel-taxonomy', headers: ADMIN });
    expect(current.json()).toMatchObject({ version: 2 });
  });

  it('lets a stats:read key read it but not change it', async () => {
    const { key } = await createApiKey(fixture.database.db, { name: 'analyst', scopes: ['stats:read'] });
    const headers = { authorization: `Bearer ${key}` };
    expect(
      (await fixture.app.inject({ method: 'GET', url: '/v1/funnel-taxonomy', headers })).statusCode,
    ).toBe(200);
    expect((await put({ actions: renamed }, headers)).statusCode).toBe(403);
  });

  it.each([
    [
      'a window over a year',
      [{ ...DEFAULT_FUNNEL_TAXONOMY[0]!, windowDays: 366 }],
      'body.actions.0.windowDays',
    ],
    [
      'a window of zero days',
      [{ ...DEFAULT_FUNNEL_TAXONOMY[0]!, windowDays: 0 }],
      'body.actions.0.windowDays',
    ],
    [
      'an action listed twice',
      [DEFAULT_FUNNEL_TAXONOMY[0]!, { ...DEFAULT_FUNNEL_TAXONOMY[1]!, action: 'open' }],
      'body.actions.1.action',
    ],
    [
      'an event type under two actions',
      [DEFAULT_FUNNEL_TAXONOMY[0]!, { ...DEFAULT_FUNNEL_TAXONOMY[1]!, eventTypes: ['email.opened'] }],
      'body.actions.1.eventTypes.0',
    ],
    [
      'a missing Russian label',
      [{ ...DEFAULT_FUNNEL_TAXONOMY[0]!, labels: { en: 'Open' } }],
      'body.actions.0.labels.ru',
    ],
    ['no event types', [{ ...DEFAULT_FUNNEL_TAXONOMY[0]!, eventTypes: [] }], 'body.actions.0.eventTypes'],
    ['an empty funnel', [], 'body.actions'],
  ])('refuses %s with a 400 naming the field', async (_what, actions, path) => {
    const response = await put({ actions });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toContain(path);
    const current = await fixture.app.inject({ method: 'GET', url: '/v1/funnel-taxonomy', headers: ADMIN });
    expect(current.json()).toMatchObject({ version: 2 });
  });
});
