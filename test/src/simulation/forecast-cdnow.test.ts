import { offers, templates } from '@touchpoint/db';
import { DEFAULT_CDNOW_FILE, importCdnow } from '@touchpoint/engine/cli/import-cdnow';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import { ForecastJob, type ForecastResult } from '@touchpoint/language/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTemplates } from '../channels/send-fixtures';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { contactProfile, runCdnowClientsLive } from './cdnow-live-run';

// A forecast must be what would happen: seed 004's lifecycle chain over 200 CDNOW clients from
// 1997-06-01, each buying again exactly when they really did, forecast in one simulated world, and
// the same clients run for real on the product's own time-skipping server with their orders posted
// through the API at the same moments. Every step must count the same arrivals in both, and the
// forecast must reach neither the SMTP nor the SMS sandbox.

const CLIENTS = 200;
const START_AT = new Date('1997-06-01T00:00:00Z');
const HORIZON_DAYS = 60;
const cdnowIds = Array.from({ length: CLIENTS }, (_, i) => `cdnow-${String(i + 1).padStart(5, '0')}`);

let tp: TestProduct;
let journeyId: string;

beforeAll(async () => {
  tp = await startTestProduct({ name: 'forecast' });
  await tp.database.db.insert(templates).values({
    key: 'sms-offer',
    channel: 'sms',
    name: 'Offer SMS',
    format: 'text',
    body: '{{ offer.percent }}% off your next order',
  });
  for (const key of ['remind', 'stimulate', 'sms-offer', 'call-script'])
    await seedTemplates(tp.database.db, key);
  await tp.database.db
    .insert(offers)
    .values({ key: 'discount', name: 'Discount', kind: 'percentDiscount', value: 5 });
  await importCdnow({ db: tp.database.db, file: DEFAULT_CDNOW_FILE, limitClients: CLIENTS });
  for (const [index, id] of cdnowIds.entries())
    await tp.call('PUT', `/v1/clients/${id}`, contactProfile(index));
  const created = await tp.call<{ id: string }>('POST', '/v1/journeys', {
    name: 'Seed 004 lifecycle chain',
    definition: SEED_004_JOURNEY,
  });
  journeyId = created.id;
  await tp.call('POST', `/v1/journeys/${journeyId}/publish`, {});
}, 300_000);

afterAll(async () => {
  await tp?.stop();
});

/** Through `inject`: the first simulation of a process opens the scratch database, which takes a while. */
async function inject(method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = await tp.product.app!.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tp.adminKey}` },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

/** Starts a forecast and waits for it to finish, keeping the progress it reported on the way. */
async function forecast(body: unknown): Promise<{ job: ForecastJob; progress: number[] }> {
  const started = await inject('POST', `/v1/journeys/${journeyId}/forecast`, body);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const id = ForecastJob.parse(started.body).id;
  const progress: number[] = [];
  let job = ForecastJob.parse(started.body);
  await waitUntil(
    async () => {
      job = ForecastJob.parse((await inject('GET', `/v1/forecasts/${id}`)).body);
      if (progress.at(-1) !== job.progress.done) progress.push(job.progress.done);
      return job.status !== 'running';
    },
    540_000,
    'the forecast to finish',
  );
  return { job, progress };
}

const enteredBySteps = (steps: Record<string, { entered: number }>) =>
  Object.fromEntries(
    Object.entries(steps)
      .filter(([, counts]) => counts.entered > 0)
      .map(([id, counts]) => [id, counts.entered])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

describe('forecasting seed 004 over 200 CDNOW clients', () => {
  let result: ForecastResult;

  it('replays their real purchases on the simulated clock, delivering nothing', async () => {
    const { job, progress } = await forecast({
      version: 1,
      audience: { kind: 'clients', clientIds: cdnowIds },
      startAt: START_AT.toISOString(),
      horizonDays: HORIZON_DAYS,
      behaviour: { kind: 'history' },
      callCapacityPerDay: 5,
    });
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: 'completed', callCapacityPerDay: 5 });
    expect(job.progress).toEqual({ done: CLIENTS * HORIZON_DAYS, total: CLIENTS * HORIZON_DAYS });
    expect(progress.length).toBeGreaterThan(0);
    result = job.results[0]!;
    expect(result).toMatchObject({
      version: 1,
      clients: CLIENTS,
      horizonDays: HORIZON_DAYS,
      enrolled: CLIENTS,
    });
    expect(result.days).toHaveLength(HORIZON_DAYS + 1);
    const sends = result.days.reduce((n, day) => n + Object.values(day.sends).reduce((a, b) => a + b, 0), 0);
    const sentBySteps = Object.values(result.steps).reduce((n, step) => n + step.sent, 0);
    expect(sends).toBe(sentBySteps);
    expect(sends).toBeGreaterThan(0);
    expect(result.days.reduce((n, day) => n + day.conversions, 0)).toBe(result.converted);
    expect(result.converted).toBeGreaterThan(0);
    expect(tp.mailbox.listMessages()).toHaveLength(0);
    expect(tp.smsInbox.listMessages()).toHaveLength(0);
  }, 600_000);

  it('counts at every step what running the same clients for real counts', async () => {
    expect(result).toBeDefined();
    await runCdnowClientsLive(tp, journeyId, cdnowIds, { startAt: START_AT, horizonDays: HORIZON_DAYS });
    // The live run returns once its runs are quiet at the horizon, so one read is the final count.
    const stats = await tp.call<{
      steps: Record<string, { entered: number }>;
      totals: { enrolled: number; converted: number };
    }>('GET', `/v1/journeys/${journeyId}/stats?version=1`);
    expect(enteredBySteps(stats.steps)).toEqual(enteredBySteps(result.steps));
    expect(stats.totals).toMatchObject({ enrolled: result.enrolled, converted: result.converted });
  }, 900_000);

  it('draws the same answers from the same seed: a version beside the draft it became', async () => {
    const { job } = await forecast({
      version: 1,
      compareWith: 'draft',
      audience: { kind: 'clients', clientIds: cdnowIds.slice(0, 40) },
      startAt: START_AT.toISOString(),
      horizonDays: 30,
      behaviour: { kind: 'rates', open: 0.5, click: 0.5, purchase: 0.5, seed: 3 },
    });
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    expect(job.progress.total).toBe(40 * 30 * 2);
    const [live, draft] = job.results;
    expect([live?.version, draft?.version]).toEqual([1, 'draft']);
    expect(enteredBySteps(draft!.steps)).toEqual(enteredBySteps(live!.steps));
    expect(draft!.converted).toBe(live!.converted);
    // Rates that answer half the messages convert someone within a month.
    expect(live!.converted).toBeGreaterThan(0);
  }, 600_000);

  it('names the field of a bad audience, horizon, behaviour or version', async () => {
    const post = (body: unknown) => inject('POST', `/v1/journeys/${journeyId}/forecast`, body);
    const tooMany = await post({
      audience: { kind: 'clients', clientIds: Array.from({ length: 2001 }, (_, i) => `c${i}`) },
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('body.audience.clientIds');
    const horizon = await post({ audience: { kind: 'all' }, horizonDays: 401 });
    expect(horizon.status).toBe(400);
    expect(JSON.stringify(horizon.body)).toContain('body.horizonDays');
    const rate = await post({ audience: { kind: 'all' }, behaviour: { kind: 'rates', open: 1.5 } });
    expect(rate.status).toBe(400);
    expect(JSON.stringify(rate.body)).toContain('body.behaviour.open');
    const unknown = await post({ version: 1, audience: { kind: 'clients', clientIds: ['nobody-here'] } });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(unknown.body.message).toContain('body.audience.clientIds');
    const segment = await post({ version: 1, audience: { kind: 'segment', segmentId: crypto.randomUUID() } });
    expect(segment).toMatchObject({ status: 404 });
    expect(segment.body.message).toContain('body.audience.segmentId');
    const noVersion = await post({ version: 7, audience: { kind: 'all' } });
    expect(noVersion).toMatchObject({ status: 404 });
    expect(noVersion.body.message).toContain('body.version');
    const same = await post({ version: 1, compareWith: 1, audience: { kind: 'all' } });
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body)).toContain('body.compareWith');
    const missing = await inject('GET', `/v1/forecasts/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
  }, 120_000);
});
