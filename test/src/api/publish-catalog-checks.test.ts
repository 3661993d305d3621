import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { ADMIN, createApiFixture, type ApiFixture } from './api-fixture';

// What would fail a client's run at send time is refused at publish, naming the node and the rule:
// a template without a variant for a channel the send may use, a template or offer that does not
// exist, a channel this deployment has not configured. Validate lists the same problems.

type Problem = { nodeId: string | null; code: string; message: string };

const send = (id: string, config: Record<string, unknown>) => ({
  id,
  kind: 'send',
  config: { quietHours: 'skip', ...config },
});

function journeyAround(step: Record<string, unknown>, ports: readonly string[]) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
      step,
      { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    ],
    edges: [
      { id: 'e0', source: 'entry', sourcePort: 'out', target: step.id },
      ...ports.map((port, index) => ({
        id: `e${index + 1}`,
        source: step.id,
        sourcePort: port,
        target: 'done',
      })),
    ],
  };
}

const sendJourney = (config: Record<string, unknown>) =>
  journeyAround(send('mail', config), ['sent', 'unreachable']);

function ladderJourney(rung: Record<string, unknown>) {
  const ladder = {
    id: 'ladder',
    kind: 'escalationLadder',
    config: {
      checkpoint: { source: 'expectedNextPurchase' },
      rungs: [{ id: 'first', offset: { amount: 0, unit: 'days' }, ...rung }],
    },
  };
  return journeyAround(ladder, ['done']);
}

describe('publish refuses what would fail at send time (through the product)', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'publish-checks' });
    await tp.call('POST', '/v1/templates', {
      channel: 'email',
      key: 'mail-only',
      name: 'Mail only',
      format: 'html',
      subject: 'Hi',
      body: '<p>Hi</p>',
    });
    await tp.call('POST', '/v1/offers', { key: 'ten-off', name: '10 %', kind: 'percentDiscount', value: 10 });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  async function publish(definition: unknown) {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', { name: 'Checked', definition });
    const post = (path: string) =>
      fetch(`${tp.apiUrl}/v1/journeys/${journey.id}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tp.adminKey}`, 'content-type': 'application/json' },
        body: '{}',
      });
    const validated = (await (await post('validate')).json()) as { problems: Problem[] };
    const published = await post('publish');
    return {
      status: published.status,
      body: (await published.json()) as { code: string; problems?: Problem[] },
      validated,
    };
  }

  it('publishes a send whose template has a variant for every channel and whose offer exists', async () => {
    const result = await publish(
      sendJourney({ channels: ['email'], templateId: 'mail-only', offer: { offerId: 'ten-off' } }),
    );
    expect(result.validated.problems).toEqual([]);
    expect(result.status).toBe(201);
  });

  it('refuses a send that may fall back to a channel its template has no variant for', async () => {
    const result = await publish(sendJourney({ channels: ['email', 'sms'], templateId: 'mail-only' }));
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('invalid_journey');
    const expected = {
      nodeId: 'mail',
      code: 'missingTemplateVariant',
      message: expect.stringMatching(/mail-only.*no sms variant/),
    };
    expect(result.body.problems).toEqual([expected]);
    expect(result.validated.problems).toEqual([expected]);
  });

  it('refuses a ladder rung whose template has no variant for its channel', async () => {
    const result = await publish(ladderJourney({ channels: ['call'], templateId: 'mail-only' }));
    expect(result.status).toBe(422);
    expect(result.body.problems).toEqual([
      {
        nodeId: 'ladder',
        code: 'missingTemplateVariant',
        message: expect.stringMatching(/Rung "first".*no call variant/),
      },
    ]);
  });

  it('refuses a template that does not exist', async () => {
    const result = await publish(sendJourney({ channels: ['email'], templateId: 'never-made' }));
    expect(result.status).toBe(422);
    expect(result.body.problems).toEqual([
      { nodeId: 'mail', code: 'unknownTemplate', message: expect.stringContaining('"never-made"') },
    ]);
  });

  it('refuses an offer that does not exist', async () => {
    const result = await publish(
      sendJourney({ channels: ['email'], templateId: 'mail-only', offer: { offerId: 'no-offer' } }),
    );
    expect(result.status).toBe(422);
    expect(result.body.problems).toEqual([
      { nodeId: 'mail', code: 'unknownOffer', message: expect.stringContaining('"no-offer"') },
    ]);
  });
});

describe('publish refuses a channel the deployment has not configured', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    // A deployment with mail, SMS and the call queue, but no webhook adapter.
    fixture = await createApiFixture({
      config: { adminKey: 'test-admin-key', channels: ['email', 'sms', 'call'] },
    });
    const created = await fixture.app.inject({
      method: 'POST',
      url: '/v1/templates',
      headers: ADMIN,
      payload: {
        channel: 'webhook',
        key: 'crm-hook',
        name: 'CRM',
        body: JSON.stringify({ url: 'https://crm.example/hook', payload: {} }),
      },
    });
    expect(created.statusCode).toBe(201);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('names the node and the channel, on validate and on publish', async () => {
    const created = await fixture.app.inject({
      method: 'POST',
      url: '/v1/journeys',
      headers: ADMIN,
      payload: { name: 'Hook', definition: sendJourney({ channels: ['webhook'], templateId: 'crm-hook' }) },
    });
    const id = String(created.json().id);
    const expected = [
      { nodeId: 'mail', code: 'channelNotConfigured', message: expect.stringContaining('"webhook"') },
    ];
    const validated = await fixture.app.inject({
      method: 'POST',
      url: `/v1/journeys/${id}/validate`,
      headers: ADMIN,
    });
    expect(validated.json().problems).toEqual(expected);
    const published = await fixture.app.inject({
      method: 'POST',
      url: `/v1/journeys/${id}/publish`,
      headers: ADMIN,
    });
    expect(published.statusCode).toBe(422);
    expect(published.json().problems).toEqual(expected);
  });
});
