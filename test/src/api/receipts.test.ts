import { createHmac } from 'node:crypto';
import { clients, eq, messages } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

const AUTH_TOKEN = 'twilio-auth-token';
const PUBLIC_URL = 'https://hooks.example.com';
const SMSRU_SECRET = 'smsru-receipt-secret-1';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let fixture: ApiFixture;
beforeAll(async () => {
  fixture = await createApiFixture({
    config: {
      adminKey: 'test-admin-key',
      twilioAuthToken: AUTH_TOKEN,
      publicUrl: PUBLIC_URL,
      smsRuReceiptSecret: SMSRU_SECRET,
    },
  });
  const db = fixture.database.db;
  const [client] = await db
    .insert(clients)
    .values({ externalId: 'texted', phone: '+15550002222' })
    .returning();
  await db.insert(messages).values(
    ['SM-1', 'SM-2', 'SR-1', 'SR-2', 'SR-3'].map((providerMessageId) => ({
      idempotencyKey: `k-${providerMessageId}`,
      clientId: client!.id,
      channel: 'sms' as const,
      status: 'sent' as const,
      providerMessageId,
    })),
  );
});
afterAll(async () => fixture.close());

/** Twilio's scheme, computed here independently: base64 HMAC-SHA1 of URL + sorted name/value pairs. */
function twilioSignature(url: string, form: Record<string, string>): string {
  const data =
    url +
    Object.keys(form)
      .sort()
      .map((key) => key + form[key])
      .join('');
  return createHmac('sha1', AUTH_TOKEN).update(data).digest('base64');
}

const statusOf = async (providerMessageId: string) =>
  (
    await fixture.database.db.select().from(messages).where(eq(messages.providerMessageId, providerMessageId))
  )[0]!.status;

function postTwilio(form: Record<string, string>, signature?: string) {
  return fixture.app.inject({
    method: 'POST',
    url: '/v1/receipts/twilio',
    headers: { ...FORM, ...(signature === undefined ? {} : { 'x-twilio-signature': signature }) },
    payload: new URLSearchParams(form).toString(),
  });
}

describe('POST /v1/receipts/twilio', () => {
  it('applies a signed delivery receipt to the message with that provider id', async () => {
    const form = { MessageSid: 'SM-1', MessageStatus: 'delivered', AccountSid: 'AC1' };
    const response = await postTwilio(form, twilioSignature(`${PUBLIC_URL}/v1/receipts/twilio`, form));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ matched: true });
    expect(await statusOf('SM-1')).toBe('delivered');
  });

  it('acknowledges a receipt for a message it never sent', async () => {
    const form = { MessageSid: 'SM-unknown', MessageStatus: 'delivered' };
    const response = await postTwilio(form, twilioSignature(`${PUBLIC_URL}/v1/receipts/twilio`, form));
    expect(response.json()).toEqual({ matched: false });
  });

  it('rejects missing and forged signatures and a receipt without MessageSid, naming the field', async () => {
    const form = { MessageSid: 'SM-1', MessageStatus: 'undelivered', ErrorCode: '30005' };
    const cases = [
      { signature: undefined, status: 403, message: 'headers.x-twilio-signature: missing' },
      {
        signature: twilioSignature('https://elsewhere.example.com/v1/receipts/twilio', form),
        status: 403,
        message: 'headers.x-twilio-signature: does not match the request',
      },
      {
        signature: twilioSignature(`${PUBLIC_URL}/v1/receipts/twilio`, { ...form, ErrorCode: '30003' }),
        status: 403,
        message: 'headers.x-twilio-signature: does not match the request',
      },
    ];
    for (const { signature, status, message } of cases) {
      const response = await postTwilio(form, signature);
      expect({ status: response.statusCode, message: response.json().message }).toEqual({ status, message });
    }
    expect(await statusOf('SM-1')).toBe('delivered');
    const noSid = { MessageStatus: 'delivered' };
    const response = await postTwilio(noSid, twilioSignature(`${PUBLIC_URL}/v1/receipts/twilio`, noSid));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe('body.MessageSid');
  });

  it('accepts no receipt at all when the server has no auth token or public URL to check it with', async () => {
    const form = { MessageSid: 'SM-2', MessageStatus: 'undelivered', ErrorCode: '30005' };
    for (const config of [{ publicUrl: PUBLIC_URL }, { twilioAuthToken: AUTH_TOKEN }]) {
      const open = await buildApp({
        db: fixture.database.db,
        config: { adminKey: 'test-admin-key', ...config },
      });
      const signed = twilioSignature(`${PUBLIC_URL}/v1/receipts/twilio`, form);
      for (const headers of [FORM, { ...FORM, 'x-twilio-signature': signed }]) {
        const response = await open.inject({
          method: 'POST',
          url: '/v1/receipts/twilio',
          headers,
          payload: new URLSearchParams(form).toString(),
        });
        expect(response.statusCode).toBe(403);
      }
      await open.close();
    }
    expect(await statusOf('SM-2')).toBe('sent');
  });
});

const postSmsRu = (path: string, records: string[]) => {
  const body = new URLSearchParams();
  for (const record of records) body.append('data[]', record);
  return fixture.app.inject({ method: 'POST', url: path, headers: FORM, payload: body.toString() });
};

describe('POST /v1/receipts/smsru/:secret', () => {
  it('refuses a callback without the secret or with another one, and changes nothing', async () => {
    const bounce = ['sms_status\nSR-3\n150\n1700000000'];
    const wrong = await postSmsRu('/v1/receipts/smsru/not-the-secret', bounce);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().message).toBe("params.secret: not this server's SMS.ru callback URL");
    expect((await postSmsRu('/v1/receipts/smsru', bounce)).statusCode).toBe(404);
    const unconfigured = await buildApp({ db: fixture.database.db, config: { adminKey: 'test-admin-key' } });
    const open = await unconfigured.inject({
      method: 'POST',
      url: `/v1/receipts/smsru/${SMSRU_SECRET}`,
      headers: FORM,
      payload: new URLSearchParams({ 'data[0]': bounce[0]! }).toString(),
    });
    expect(open.statusCode).toBe(403);
    await unconfigured.close();
    expect(await statusOf('SR-3')).toBe('sent');
  });

  it('applies every record of a callback at the secret URL and answers "100"', async () => {
    const response = await postSmsRu(`/v1/receipts/smsru/${SMSRU_SECRET}`, [
      'sms_status\nSR-1\n103\n1700000000',
      'sms_status\nSR-2\n107\n1700000000',
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('100');
    expect(await statusOf('SR-1')).toBe('delivered');
    expect(await statusOf('SR-2')).toBe('failed');
  });
});
