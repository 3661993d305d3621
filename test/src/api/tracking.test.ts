import { signTrackingToken } from '@touchpoint/channels';
import { clients, eq, events, funnelActions, messages } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

const SECRET = 'tracking-test-secret';
const OUTBOX_KEY = 'journey:j1:client:c1:1:mail#email';

let fixture: ApiFixture;
let messageId: string;
beforeAll(async () => {
  fixture = await createApiFixture({ config: { adminKey: 'test-admin-key', trackingSecret: SECRET } });
  const db = fixture.database.db;
  const [client] = await db
    .insert(clients)
    .values({
      externalId: 'reader',
      email: 'reader@example.com',
      consent: { email: { status: 'granted', updatedAt: '2024-01-01T00:00:00Z' } },
    })
    .returning();
  const [message] = await db
    .insert(messages)
    .values({
      idempotencyKey: OUTBOX_KEY,
      clientId: client!.id,
      channel: 'email',
      nodeId: 'mail',
      status: 'sent',
    })
    .returning();
  messageId = message!.id;
});
afterAll(async () => fixture.close());

const token = (action: 'open' | 'click' | 'unsubscribe', url?: string) =>
  signTrackingToken({ messageId: OUTBOX_KEY, action, ...(url ? { url } : {}) }, SECRET);

async function eventsOfType(type: string) {
  return fixture.database.db.select().from(events).where(eq(events.type, type));
}

describe('tracking links', () => {
  it('answers the open pixel with a GIF and records the open once, as a message-scoped event', async () => {
    for (let i = 0; i < 2; i += 1) {
      const response = await fixture.app.inject({ method: 'GET', url: `/t/o/${token('open')}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/gif');
      expect(response.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    }
    const [message] = await fixture.database.db.select().from(messages).where(eq(messages.id, messageId));
    expect(message!.status).toBe('opened');
    const opened = await eventsOfType('email.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ messageId, nodeId: 'mail', source: 'tracking', routedAt: null });
    const actions = await fixture.database.db
      .select()
      .from(funnelActions)
      .where(eq(funnelActions.type, 'open'));
    expect(actions).toHaveLength(1);
  });

  it('redirects a click to the signed URL and records one event per link', async () => {
    const url = 'https://shop.example.com/sale?x=1&y=2';
    const response = await fixture.app.inject({ method: 'GET', url: `/t/c/${token('click', url)}` });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(url);
    await fixture.app.inject({
      method: 'GET',
      url: `/t/c/${token('click', 'https://shop.example.com/other')}`,
    });
    const clicked = await eventsOfType('email.clicked');
    expect(clicked.map((event) => event.properties['url']).sort()).toEqual([
      'https://shop.example.com/other',
      url,
    ]);
  });

  it('asks before unsubscribing on GET and unsubscribes on the one-click POST', async () => {
    const page = await fixture.app.inject({ method: 'GET', url: `/t/u/${token('unsubscribe')}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post">');
    const consentOf = async () =>
      (await fixture.database.db.select().from(clients).where(eq(clients.externalId, 'reader')))[0]!.consent;
    expect((await consentOf()).email?.status).toBe('granted');

    const oneClick = await fixture.app.inject({
      method: 'POST',
      url: `/t/u/${token('unsubscribe')}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('You are unsubscribed');
    expect(await consentOf()).toMatchObject({ email: { status: 'denied', source: 'unsubscribe-link' } });
    expect(await eventsOfType('email.unsubscribed')).toHaveLength(1);
  });

  it('names what is wrong with a bad token', async () => {
    const cases = [
      { url: '/t/o/not-a-token', status: 400, message: 'params.token: malformed tracking token' },
      {
        url: `/t/o/${token('open').slice(0, -2)}xx`,
        status: 400,
        message: 'params.token: the signature does not match (forged or altered)',
      },
      {
        url: `/t/o/${signTrackingToken({ messageId: OUTBOX_KEY, action: 'open' }, 'another-secret')}`,
        status: 400,
        message: 'params.token: the signature does not match (forged or altered)',
      },
      { url: `/t/c/${token('open')}`, status: 400, message: 'params.token: a open token used as click' },
      {
        url: `/t/o/${signTrackingToken({ messageId: 'no-such-message', action: 'open' }, SECRET)}`,
        status: 404,
        message: 'params.token: the message it names does not exist',
      },
    ];
    for (const { url, status, message } of cases) {
      const response = await fixture.app.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode, message: response.json().message }).toEqual({
        url,
        status,
        message,
      });
    }
  });
});
