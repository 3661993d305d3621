import { DeliveryPolicy } from '@touchpoint/channels';
import { clients, eq, journeys, journeyVersions, offers, templates } from '@touchpoint/db';
import { createSimulator } from '@touchpoint/engine/simulation/simulator';
import { JourneyDefinition, SEED_004_JOURNEY } from '@touchpoint/language';
import { ForecastJob, TestPathRequest, TestPathResult } from '@touchpoint/language/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTemplates } from '../channels/send-fixtures';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { LADDER_OUT_OF_ORDER } from './ladder-out-of-order';

// A simulation never hides what is wrong. A journey that does not compile is refused before anything
// runs, as publish refuses it (422 `invalid_journey`, each problem on its node with its rule), whether it
// is the draft or a stored version; and a run that fails inside the workflow answers `failed` with the
// reason, never a client `waiting` nowhere.

let tp: TestProduct;

/** Entry, one email, exit: the smallest journey that sends. */
function oneEmail(templateId: string) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
      { id: 'hello', kind: 'send', name: 'Say hello', config: { channels: ['email'], templateId } },
      { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    ],
    edges: [
      { id: 'e1', source: 'entry', sourcePort: 'out', target: 'hello' },
      { id: 'e2', source: 'hello', sourcePort: 'sent', target: 'done' },
      { id: 'e3', source: 'hello', sourcePort: 'unreachable', target: 'done' },
    ],
  };
}

beforeAll(async () => {
  tp = await startTestProduct({ name: 'test-path-invalid' });
  for (const key of ['remind', 'stimulate', 'sms-offer', 'call-script'])
    await seedTemplates(tp.database.db, key);
  await tp.database.db
    .insert(offers)
    .values({ key: 'discount', name: 'Discount', kind: 'percentDiscount', value: 5 });
  // Saved past the template editor's checks, as an older row may be: Liquid refuses it when rendered.
  await tp.database.db.insert(templates).values({
    key: 'broken',
    channel: 'email',
    name: 'Broken',
    format: 'text',
    subject: 'Hello',
    body: 'Hello {{ client.firstName ',
  });
}, 120_000);

afterAll(async () => {
  await tp?.stop();
});

async function createJourney(name: string, definition: unknown): Promise<string> {
  return (await tp.call<{ id: string }>('POST', '/v1/journeys', { name, definition })).id;
}

/** Through `inject`: the first simulation of a process opens the scratch database, which takes a while. */
async function post(url: string, body: unknown) {
  const response = await tp.product.app!.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${tp.adminKey}` },
    payload: body as Record<string, unknown>,
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

const refusedOnTheLadder = {
  status: 422,
  body: {
    code: 'invalid_journey',
    problems: expect.arrayContaining([
      expect.objectContaining({ nodeId: 'ladder', code: 'rungsOutOfOrder' }),
    ]),
  },
};

describe('simulating a journey that does not run', () => {
  it('refuses to test or forecast a draft that would not publish, naming the node and the rule', async () => {
    const journeyId = await createJourney('Ladder out of order', LADDER_OUT_OF_ORDER);
    const publish = await post(`/v1/journeys/${journeyId}/publish`, {});
    expect(publish).toMatchObject(refusedOnTheLadder);

    const testPath = await post(`/v1/journeys/${journeyId}/test-path`, { version: 'draft' });
    expect(testPath, JSON.stringify(testPath.body)).toMatchObject(refusedOnTheLadder);
    const forecast = await post(`/v1/journeys/${journeyId}/forecast`, { audience: { kind: 'all' } });
    expect(forecast, JSON.stringify(forecast.body)).toMatchObject(refusedOnTheLadder);
  }, 120_000);

  it('refuses a stored version that no longer compiles, naming the node and the rule', async () => {
    const journeyId = await createJourney('Old version out of order', SEED_004_JOURNEY);
    // A version frozen before today's rules: the live workflow would refuse it on its first task.
    await tp.database.db
      .insert(journeyVersions)
      .values({ journeyId, number: 1, definition: LADDER_OUT_OF_ORDER });

    const testPath = await post(`/v1/journeys/${journeyId}/test-path`, { version: 1 });
    expect(testPath, JSON.stringify(testPath.body)).toMatchObject(refusedOnTheLadder);
    const forecast = await post(`/v1/journeys/${journeyId}/forecast`, {
      version: 'draft',
      compareWith: 1,
      audience: { kind: 'all' },
    });
    expect(forecast, JSON.stringify(forecast.body)).toMatchObject(refusedOnTheLadder);
    expect(String(forecast.body.message)).toContain('body.compareWith');
  }, 120_000);

  it('answers failed with the reason when a step fails inside the run', async () => {
    const journeyId = await createJourney('Broken template', oneEmail('broken'));
    const answer = await post(`/v1/journeys/${journeyId}/test-path`, {
      client: { attributes: { firstName: 'Anna' } },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const path = TestPathResult.parse(answer.body);
    expect(path).toMatchObject({ outcome: 'failed', waitingAt: null });
    expect(path.reason).toContain('TemplateRenderFailed');
    expect(path.steps.map((step) => step.nodeId)).toEqual(['entry', 'hello']);
  }, 600_000);

  it('counts the runs a forecast saw fail, with their reason', async () => {
    const journeyId = await createJourney('Broken template for all', oneEmail('broken'));
    const consent = { email: { status: 'granted', updatedAt: new Date().toISOString(), source: 'test' } };
    await tp.database.db.insert(clients).values(
      ['anna', 'boris'].map((externalId) => ({
        externalId,
        email: `${externalId}@example.com`,
        attributes: { firstName: externalId },
        consent: consent as never,
      })),
    );
    const started = await post(`/v1/journeys/${journeyId}/forecast`, {
      audience: { kind: 'clients', clientIds: ['anna', 'boris'] },
      horizonDays: 2,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    let job = ForecastJob.parse(started.body);
    await waitUntil(
      async () => {
        const read = await tp.product.app!.inject({
          method: 'GET',
          url: `/v1/forecasts/${job.id}`,
          headers: { authorization: `Bearer ${tp.adminKey}` },
        });
        job = ForecastJob.parse(read.json());
        return job.status !== 'running';
      },
      540_000,
      'the forecast to finish',
    );
    expect(job.status, job.error ?? '').toBe('completed');
    expect(job.results[0]?.failed).toEqual([
      { reason: expect.stringContaining('TemplateRenderFailed') as string, enrollments: 2 },
    ]);
  }, 600_000);

  it("answers failed with the workflow's reason when a run never begins", async () => {
    // Past the route's check, as a run would be if the check and the workflow ever disagreed: the
    // workflow refuses the plan before recording anything, and only Temporal knows why.
    const journeyId = await createJourney('Never begins', LADDER_OUT_OF_ORDER);
    const [journey] = await tp.database.db.select().from(journeys).where(eq(journeys.id, journeyId));
    const simulator = createSimulator(tp.database.db, {
      policy: DeliveryPolicy.parse({}),
      channels: ['email'],
      tracking: { baseUrl: 'http://127.0.0.1', secret: 'never-begins' },
    });
    try {
      const path = await simulator.testPath({
        journey: journey!,
        version: { label: 'draft', number: 1, definition: JourneyDefinition.parse(LADDER_OUT_OF_ORDER) },
        request: TestPathRequest.parse({}),
      });
      expect(path).toMatchObject({ outcome: 'failed', steps: [], waitingAt: null, endedAt: path.startedAt });
      expect(path.reason).toMatch(/^InvalidJourney: .*does not compile/);
    } finally {
      await simulator.close();
    }
  }, 600_000);
});
