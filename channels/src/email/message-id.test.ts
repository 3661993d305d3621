import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './classify-smtp-error';
import { formatMessageId, parseMessageId } from './message-id';

describe('formatMessageId', () => {
  it('turns an idempotency key with colons into a valid, reversible Message-ID', () => {
    const key = 'journey:j1:client:42:3:send-1';
    const id = formatMessageId(key, 'tp.example.com');
    expect(id).toMatch(/^<[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+@tp\.example\.com>$/);
    expect(parseMessageId(id, 'tp.example.com')).toBe(key);
    expect(parseMessageId(id, 'other.example.com')).toBeNull();
  });
});

describe('classifySmtpError', () => {
  it('treats 5xx at RCPT as a hard bounce', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 5.1.1 no such user' })).toMatchObject({
      kind: 'rejected',
    });
  });

  it('retries greylisting, a full mailbox, and connection faults', () => {
    expect(classifySmtpError({ responseCode: 451 }).kind).toBe('retry');
    expect(classifySmtpError({ responseCode: 552 }).kind).toBe('retry');
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).kind).toBe('retry');
  });
});
