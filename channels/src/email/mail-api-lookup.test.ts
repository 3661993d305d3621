import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSandbox, type SmtpSandbox } from '../sandbox';
import { createSmtpAdapter } from './smtp-adapter';

let smtp: SmtpSandbox;
let adapter: ReturnType<typeof createSmtpAdapter>;

beforeAll(async () => {
  smtp = await startSmtpSandbox();
  adapter = createSmtpAdapter({
    host: smtp.host,
    port: smtp.port,
    ignoreTls: true,
    from: 'Touchpoint <news@touchpoint.test>',
    messageIdDomain: 'touchpoint.test',
    apiUrl: smtp.apiUrl,
  });
});

afterAll(async () => {
  await adapter.close();
  await smtp.stop();
});

const send = (messageId: string) =>
  adapter.send({
    channel: 'email',
    messageId,
    to: 'lookup@example.com',
    subject: 'Hello',
    html: '<p>Hello</p>',
    text: 'Hello',
    headers: {},
  });

const query = (messageId: string) => ({ messageId, to: 'lookup@example.com', since: new Date(0) });

describe('asking the relay whether it accepted a message', () => {
  it('finds a message the relay stored, by the idempotency key behind its Message-ID', async () => {
    const sent = await send('journey:j1:client:c1:1:send-1#email');
    expect(sent.kind).toBe('sent');
    expect(await adapter.findAccepted!(query('journey:j1:client:c1:1:send-1#email'))).toEqual({
      accepted: true,
      providerId: expect.stringMatching(/^<journey=3aj1=3aclient.*@touchpoint\.test>$/),
    });
  });

  it('does not take a key that is only a prefix of a stored one for it', async () => {
    await send('journey:j2:client:c2:10:send-1#email');
    expect(await adapter.findAccepted!(query('journey:j2:client:c2:1'))).toEqual({ accepted: false });
  });

  it('answers like Mailpit, and refuses searches it does not support', async () => {
    const answer = await fetch(`${smtp.apiUrl}/api/v1/search?query=message-id:nothing-here`);
    expect(await answer.json()).toMatchObject({ messages_count: 0, messages: [] });
    const refused = await fetch(`${smtp.apiUrl}/api/v1/search?query=subject:hello`);
    expect(refused.status).toBe(400);
  });
});
