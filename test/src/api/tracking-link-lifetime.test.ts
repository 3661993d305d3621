import { signTrackingToken } from '@touchpoint/channels';
import { clients, eq, events, messages, type Database } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from './api-fixture';

// Open and click links answer for a lifetime counted from the send (365 days unless configured),
// then 410 Gone with nothing recorded; unsubscribe links never expire. The rows stand for mail sent
// long ago, which no send through the product can produce without a clock a year ahead.
const SECRET = 'tracking-lifetime-secret';
const DAY_MS = 86_400_000;

const token = (key: string, action: 'open' | 'click' | 'unsubscribe', url?: string) =>
  signTrackingToken({ messageId: key, action, ...(url ? { url } : {}) }, SECRET);

async function insertSentMail(db: Database, externalId: string, daysAgo: number): Promise<string> {
  const [client] = await db
    .insert(clients)
    .values({
      externalId,
      email: `${externalId}@example.com`,
      consent: { email: { status: 'granted', updatedAt: '2020-01-01T00:00:00Z' } },
    })
    .returning();
  const sentAt = new Date(Date.now() - daysAgo * DAY_MS);
  const key = `journey:j1:client:${externalId}:1:mail#email`;
  await db.insert(messages).values({
    idempotencyKey: key,
    clientId: client!.id,
    channel: 'email',
    nodeId: 'mail',
    status: 'sent',
    sentAt,
    createdAt: sentAt,
  });
  return key;
}

async function openAndClick(fixture: ApiFixture, key: string) {
  const open = await fixture.app.inject({ method: 'GET', url: `/t/o/${token(key, 'open')}` });
  const click = await fixture.app.inject({
    method: 'GET',
    url: `/t/c/${token(key, 'click', 'https://shop.example.com/')}`,
  });
  return { open, click };
}

async function unsubscribe(fixture: ApiFixture, key: string) {
  const page = await fixture.app.inject({ method: 'GET', url: `/t/u/${token(key, 'unsubscribe')}` });
  const done = await fixture.app.inject({
    method: 'POST',
    url: `/t/u/${token(key, 'unsubscribe')}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
  return { page, done };
}

describe('tracking links with the default lifetime (365 days)', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture({ config: { adminKey: 'test-admin-key', trackingSecret: SECRET } });
  });
  afterAll(async () => fixture?.close());

  it('still counts opens and clicks of mail sent 364 days ago', async () => {
    const { open, click } = await openAndClick(
      fixture,
      await insertSentMail(fixture.database.db, 'recent', 364),
    );
    expect([open.statusCode, click.statusCode]).toEqual([200, 302]);
  });

  it('answers 410 to open and click links of mail sent 366 days ago and records nothing', async () => {
    const key = await insertSentMail(fixture.database.db, 'old', 366);
    const { open, click } = await openAndClick(fixture, key);
    for (const response of [open, click]) {
      expect(response.statusCode).toBe(410);
      expect(response.json()).toMatchObject({
        code: 'gone',
        message: expect.stringMatching(
          /^params\.token: this tracking link expired on .* \(links last 365 days\)$/,
        ),
      });
    }
    const [row] = await fixture.database.db.select().from(messages).where(eq(messages.idempotencyKey, key));
    expect(row!.status).toBe('sent');
  });

  it('keeps unsubscribe links of ten-year-old mail working', async () => {
    const key = await insertSentMail(fixture.database.db, 'ancient', 3_650);
    const { page, done } = await unsubscribe(fixture, key);
    expect([page.statusCode, done.statusCode]).toEqual([200, 200]);
    expect(done.body).toContain('You are unsubscribed');
    const [client] = await fixture.database.db
      .select()
      .from(clients)
      .where(eq(clients.externalId, 'ancient'));
    expect(client!.consent.email?.status).toBe('denied');
    const unsubscribed = await fixture.database.db
      .select()
      .from(events)
      .where(eq(events.type, 'email.unsubscribed'));
    expect(unsubscribed).toHaveLength(1);
  });
});

describe('tracking links with a configured lifetime', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture({
      config: { adminKey: 'test-admin-key', trackingSecret: SECRET, trackingLinkDays: 30 },
    });
  });
  afterAll(async () => fixture?.close());

  it('expires open and click links after the configured days, not unsubscribe links', async () => {
    const fresh = await openAndClick(fixture, await insertSentMail(fixture.database.db, 'fresh', 29));
    expect([fresh.open.statusCode, fresh.click.statusCode]).toEqual([200, 302]);
    const staleKey = await insertSentMail(fixture.database.db, 'stale', 31);
    const stale = await openAndClick(fixture, staleKey);
    expect([stale.open.statusCode, stale.click.statusCode]).toEqual([410, 410]);
    expect(stale.open.json().message).toMatch(/links last 30 days/);
    const { done } = await unsubscribe(fixture, staleKey);
    expect(done.statusCode).toBe(200);
  });
});
