import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, parseSmsRuCallback, parseTwilioStatusCallback } from './delivery-receipt';

describe('parseTwilioStatusCallback', () => {
  it('maps delivered and permanent failures', () => {
    expect(parseTwilioStatusCallback({ MessageSid: 'SM1', MessageStatus: 'delivered' })).toMatchObject({
      state: 'delivered',
      permanent: false,
    });
    expect(
      parseTwilioStatusCallback({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30005' }),
    ).toMatchObject({
      state: 'failed',
      permanent: true,
      detail: 'undelivered (30005)',
    });
    expect(
      parseTwilioStatusCallback({ MessageSid: 'SM1', MessageStatus: 'failed', ErrorCode: '30001' }).permanent,
    ).toBe(false);
  });

  it('checks X-Twilio-Signature over the URL and sorted form fields', () => {
    const form = { MessageStatus: 'delivered', MessageSid: 'SM1' };
    const signature = createHmac('sha1', 'token')
      .update('https://tp.example.com/cbMessageSidSM1MessageStatusdelivered')
      .digest('base64');
    expect(isValidTwilioSignature('token', 'https://tp.example.com/cb', form, signature)).toBe(true);
    expect(isValidTwilioSignature('token', 'https://tp.example.com/other', form, signature)).toBe(false);
  });
});

describe('parseSmsRuCallback', () => {
  it('reads each sms_status record and ignores other kinds', () => {
    const receipts = parseSmsRuCallback({
      'data[0]': 'sms_status\n000000-000001\n103\n1700000000',
      'data[1]': 'sms_status\n000000-000002\n150\n1700000001',
      'data[2]': 'callcheck_status\nabc\n401\n1700000002',
    });
    expect(receipts).toEqual([
      {
        provider: 'smsru',
        providerId: '000000-000001',
        state: 'delivered',
        permanent: false,
        detail: 'status 103',
        occurredAt: '2023-11-14T22:13:20.000Z',
      },
      {
        provider: 'smsru',
        providerId: '000000-000002',
        state: 'failed',
        permanent: true,
        detail: 'status 150',
        occurredAt: '2023-11-14T22:13:21.000Z',
      },
    ]);
  });
});
