import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

const EMAIL_TEMPLATE = {
  channel: 'email',
  key: 'win-back',
  name: 'Win back',
  format: 'mjml',
  subject: 'We miss you, {{ client.firstName }}',
  body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ client.firstName }}, take {{ offer.value }}% off. <a href="https://shop.example/cd">Shop</a></mj-text></mj-column></mj-section></mj-body></mjml>',
};

describe('catalog routes', () => {
  let fixture: ApiFixture;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    fixture.app.inject({ method, url, headers: ADMIN, ...(payload === undefined ? {} : { payload }) });
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture.close());

  it('creates, lists, updates and deletes a product; a second product with the same sku is a 409', async () => {
    const created = await call('POST', '/v1/products', { sku: 'cd-1', name: 'Blue Train', price: 12.5 });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await call('POST', '/v1/products', { sku: 'cd-1', name: 'Copy' })).json()).toMatchObject({
      code: 'conflict',
      message: 'body.sku: already in use',
    });
    const updated = await call('PUT', `/v1/products/${id}`, { sku: 'cd-1', name: 'Blue Train (remaster)' });
    expect(updated.json()).toMatchObject({ name: 'Blue Train (remaster)', price: 12.5, currency: 'USD' });
    expect((await call('GET', '/v1/products')).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await call('DELETE', `/v1/products/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/v1/products/${id}`)).statusCode).toBe(404);
  });

  it.each([
    [{ key: 'o', name: 'O', kind: 'percentDiscount', value: 150 }, 'body.value', 'at most 100'],
    [{ key: 'o', name: 'O', kind: 'amountDiscount' }, 'body.value', 'needs a value'],
    [
      {
        key: 'o',
        name: 'O',
        kind: 'gift',
        validFrom: '2026-02-01T00:00:00Z',
        validUntil: '2026-01-01T00:00:00Z',
      },
      'body.validUntil',
      'after validFrom',
    ],
    [{ key: 'o', name: 'O', kind: 'bogus' }, 'body.kind', ''],
  ])('rejects the offer %j naming %s', async (offer, path, message) => {
    const response = await call('POST', '/v1/offers', offer);
    expect(response.statusCode).toBe(400);
    const issue = response.json<{ issues: { path: string; message: string }[] }>().issues[0];
    expect(issue?.path).toBe(path);
    expect(issue?.message).toContain(message);
  });

  it('refuses templates that break their channel rules or do not render, naming the field', async () => {
    const noSubject = await call('POST', '/v1/templates', { ...EMAIL_TEMPLATE, subject: undefined });
    expect(noSubject.json()).toMatchObject({ code: 'validation_failed', issues: [{ path: 'body.subject' }] });
    const badLiquid = await call('POST', '/v1/templates', {
      ...EMAIL_TEMPLATE,
      body: EMAIL_TEMPLATE.body.replace('{{ offer.value }}', '{{ offer.value | nope }}'),
    });
    expect(badLiquid.statusCode).toBe(400);
    expect(badLiquid.json()).toMatchObject({ issues: [{ path: 'body.body', code: 'template_render' }] });
    const notMjml = await call('POST', '/v1/templates', { ...EMAIL_TEMPLATE, body: 'Hi there' });
    expect(notMjml.json()).toMatchObject({ code: 'validation_failed', issues: [{ path: 'body.body' }] });
    const badWebhook = await call('POST', '/v1/templates', {
      channel: 'webhook',
      key: 'hook',
      name: 'Hook',
      body: '{"url": "not a url", "payload": {}}',
    });
    expect(badWebhook.json()).toMatchObject({ issues: [{ path: 'body.body' }] });
    expect(badWebhook.json<{ message: string }>().message).toContain('url');
  });

  it('previews an email for a stored client and offer, its links pointing at the preview host', async () => {
    const template = (await call('POST', '/v1/templates', EMAIL_TEMPLATE)).json<{ id: string }>();
    expect((await call('POST', '/v1/templates', EMAIL_TEMPLATE)).statusCode).toBe(409);
    await call('PUT', '/v1/clients/c-42', { email: 'dana@example.com', attributes: { firstName: 'Dana' } });
    const offer = (
      await call('POST', '/v1/offers', { key: 'ten', name: '10%', kind: 'percentDiscount', value: 15 })
    ).json<{ id: string }>();
    const preview = await call('POST', `/v1/templates/${template.id}/preview`, {
      clientId: 'c-42',
      offerId: offer.id,
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json<{ channel: string; subject: string; html: string; text: string }>();
    expect(body.subject).toBe('We miss you, Dana');
    expect(body.html).toContain('take 15% off');
    expect(body.html).toContain('https://preview.invalid/t/c/');
    expect(body.text).toContain('Hi Dana');
    const sample = await fixture.app.inject({
      method: 'POST',
      url: `/v1/templates/${template.id}/preview`,
      headers: ADMIN,
    });
    expect(sample.json()).toMatchObject({ channel: 'email', subject: 'We miss you, Alex' });
    const unknown = await call('POST', `/v1/templates/${template.id}/preview`, { clientId: 'nobody' });
    expect(unknown.json()).toMatchObject({ code: 'not_found', message: 'body.clientId: no client "nobody"' });
  });

  it('previews an SMS with its segment count (Cyrillic goes UCS-2: 70 units per single segment)', async () => {
    const sms = await call('POST', '/v1/templates', {
      channel: 'sms',
      key: 'win-back',
      name: 'Win back SMS',
      body: 'Привет, {{ client.firstName }}! Скидка {{ offer.value }}% ждёт вас до конца недели в нашем магазине.',
    });
    expect(sms.statusCode).toBe(201);
    const preview = await call('POST', `/v1/templates/${sms.json<{ id: string }>().id}/preview`, {
      client: { firstName: 'Ольга' },
      offer: { value: 20 },
    });
    const text = 'Привет, Ольга! Скидка 20% ждёт вас до конца недели в нашем магазине.';
    expect(preview.json()).toEqual({
      channel: 'sms',
      text,
      segments: { encoding: 'ucs2', units: text.length, segments: 1, remaining: 70 - text.length },
    });
    const listed = await call('GET', '/v1/templates?channel=sms');
    expect(listed.json<{ items: { key: string }[] }>().items.map((t) => t.key)).toEqual(['win-back']);
    expect((await call('GET', '/v1/templates?channel=fax')).statusCode).toBe(400);
  });

  it('lists the event types ingested so far with counts and the last time seen', async () => {
    const event = (key: string, type: string, occurredAt: string) => ({
      idempotencyKey: key,
      clientId: 'c-7',
      type,
      occurredAt,
    });
    const stored = await call('POST', '/v1/events', {
      events: [
        event('k1', 'signup', '2026-01-01T10:00:00Z'),
        event('k2', 'page.viewed', '2026-01-02T10:00:00Z'),
        event('k3', 'page.viewed', '2026-01-03T10:00:00Z'),
      ],
    });
    expect(stored.statusCode).toBe(202);
    expect((await call('GET', '/v1/event-types')).json()).toEqual({
      items: [
        { type: 'page.viewed', count: 2, lastOccurredAt: '2026-01-03T10:00:00.000Z' },
        { type: 'signup', count: 1, lastOccurredAt: '2026-01-01T10:00:00.000Z' },
      ],
    });
  });
});
