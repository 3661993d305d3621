import { createSmtpAdapter, createTwilioAdapter } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { clients, messages } from '@touchpoint/db';
import { createApiKey } from '@touchpoint/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from './api-fixture';

const EMAIL = {
  channel: 'email',
  key: 'win-back',
  name: 'Win back',
  subject: 'We miss you, {{ client.firstName }}',
  body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ client.firstName }}, {{ offer.value }}% off.</mj-text></mj-column></mj-section></mj-body></mjml>',
};
const SMS = {
  channel: 'sms',
  key: 'win-back',
  name: 'Win back SMS',
  body: 'Привет, {{ client.firstName }}!',
};
const CALL = { channel: 'call', key: 'win-back', name: 'Win back call', body: 'Call {{ client.firstName }}' };

/** A draft that sends `win-back` by email (and SMS as its fallback) from a named step. */
const sendingDraft = (channels: string[]) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'mail', name: 'Come back mail', kind: 'send', config: { channels, templateId: 'win-back' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'mail' },
    { id: 'e2', source: 'mail', sourcePort: 'sent', target: 'done' },
  ],
});

describe('template test sends and the journeys that use a template', () => {
  let fixture: ApiFixture;
  let mailbox: SmtpSandbox;
  let smsInbox: SmsSandbox;
  const ids: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'DELETE' | 'PUT', url: string, payload?: object, headers = ADMIN) =>
    fixture.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    [mailbox, smsInbox] = await Promise.all([startSmtpSandbox(), startSmsSandbox({ receipts: false })]);
    const email = createSmtpAdapter({
      host: mailbox.host,
      port: mailbox.port,
      ignoreTls: true,
      from: 'Shop <news@shop.example>',
      messageIdDomain: 'shop.example',
    });
    const sms = createTwilioAdapter({
      accountSid: 'ACsandbox',
      authToken: 'sandbox',
      from: 'Shop',
      baseUrl: smsInbox.baseUrl,
    });
    fixture = await createApiFixture({ testSendAdapters: { email, sms } });
    await fixture.database.db.insert(clients).values({
      externalId: 'crm-7',
      email: 'maria@example.com',
      phone: '+79161234567',
      attributes: { firstName: 'Maria' },
    });
    for (const template of [EMAIL, SMS, CALL]) {
      const created = await call('POST', '/v1/templates', template);
      expect(created.statusCode).toBe(201);
      ids[template.channel] = created.json<{ id: string }>().id;
    }
  });
  afterAll(async () => {
    await fixture?.close();
    await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
  });

  it('sends a test mail rendered for a real client to the typed address, marked, and records nothing', async () => {
    const sent = await call('POST', `/v1/templates/${ids.email}/test-send`, {
      to: 'marketer@shop.example',
      clientId: 'crm-7',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ channel: 'email', to: 'marketer@shop.example', provider: 'smtp' });
    await mailbox.waitForCount(1);
    const [mail] = mailbox.listMessages();
    expect(mail?.to).toEqual(['marketer@shop.example']);
    expect(mail?.subject).toBe('[TEST] We miss you, Maria');
    expect(mail?.text).toContain('Hi Maria');
    // No outbox row: reports count messages, and a test is none of them.
    expect(await fixture.database.db.select().from(messages)).toEqual([]);
  });

  it('sends a test SMS to the typed phone through the SMS adapter', async () => {
    const sent = await call('POST', `/v1/templates/${ids.sms}/test-send`, { to: '+79990001122' });
    expect(sent.statusCode).toBe(200);
    await smsInbox.waitForCount(1);
    expect(smsInbox.listMessages()[0]).toMatchObject({
      to: '+79990001122',
      body: '[TEST] Привет, Alex!',
      encoding: 'ucs2',
    });
  });

  it('names the field for a wrong address, refuses call scripts, and wants clients:read for a stored client', async () => {
    const badMail = await call('POST', `/v1/templates/${ids.email}/test-send`, { to: '+79990001122' });
    expect(badMail.statusCode).toBe(400);
    expect(badMail.json<{ issues: { path: string }[] }>().issues[0]?.path).toBe('body.to');
    const badPhone = await call('POST', `/v1/templates/${ids.sms}/test-send`, { to: 'maria@example.com' });
    expect(badPhone.json<{ issues: { path: string }[] }>().issues[0]?.path).toBe('body.to');
    const script = await call('POST', `/v1/templates/${ids.call}/test-send`, { to: '+79990001122' });
    expect(script.statusCode).toBe(409);
    const { key } = await createApiKey(fixture.database.db, { name: 'writer', scopes: ['catalog:write'] });
    const writer = { authorization: `Bearer ${key}` };
    const asWriter = await call(
      'POST',
      `/v1/templates/${ids.email}/test-send`,
      { to: 'a@b.example', clientId: 'crm-7' },
      writer,
    );
    expect(asWriter.statusCode).toBe(403);
    expect(asWriter.json<{ message: string }>().message).toContain('clients:read');
  });

  it('renders an unsaved draft for the live preview, a broken one as a 400 naming the field', async () => {
    const preview = await call('POST', '/v1/template-previews', { template: SMS, clientId: 'crm-7' });
    expect(preview.json()).toMatchObject({
      channel: 'sms',
      text: 'Привет, Maria!',
      segments: { encoding: 'ucs2', segments: 1 },
    });
    const broken = await call('POST', '/v1/template-previews', {
      template: { ...SMS, body: 'Hi {{ client' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ issues: { path: string }[] }>().issues[0]?.path).toBe('body.body');
  });

  it('refuses to delete a variant a journey sends, naming the journey and step, and deletes it once unused', async () => {
    const journey = await call('POST', '/v1/journeys', {
      name: 'Win-back',
      definition: sendingDraft(['email']),
    });
    expect(journey.statusCode).toBe(201);
    const journeyId = journey.json<{ id: string }>().id;
    const refused = await call('DELETE', `/v1/templates/${ids.email}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toBe(
      'params.id: the template is sent by a journey: "Win-back" (draft: Come back mail)',
    );
    expect((await call('GET', `/v1/templates/${ids.email}/uses`)).json()).toEqual({
      items: [
        {
          journeyId,
          name: 'Win-back',
          status: 'draft',
          publishedVersion: null,
          isInDraft: true,
          steps: ['Come back mail'],
        },
      ],
    });
    // The SMS variant of the same key: only a step that may fall back to SMS needs it.
    expect((await call('GET', `/v1/templates/${ids.sms}/uses`)).json()).toEqual({ items: [] });
    await call('PUT', `/v1/journeys/${journeyId}`, {
      name: 'Win-back',
      definition: sendingDraft(['sms', 'email']),
    });
    expect((await call('DELETE', `/v1/templates/${ids.sms}`)).statusCode).toBe(409);
    await call('POST', `/v1/journeys/${journeyId}/archive`);
    expect((await call('DELETE', `/v1/templates/${ids.email}`)).statusCode).toBe(204);
  });
});
