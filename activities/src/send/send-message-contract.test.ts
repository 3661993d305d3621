import { describe, expect, it } from 'vitest';
import { SendMessageInput } from './send-message-contract';

const input = {
  idempotencyKey: 'wf:1:notify',
  nodeId: 'notify',
  clientId: 'c-1',
  channels: ['email', 'sms'],
  templateId: 'welcome',
  quietHours: 'skip',
};

describe('SendMessageInput.queueChannel', () => {
  it('is optional, so inputs recorded before it still parse', () => {
    expect(SendMessageInput.parse(input).queueChannel).toBeUndefined();
  });

  it('must be one of the send’s channels', () => {
    expect(SendMessageInput.parse({ ...input, queueChannel: 'sms' }).queueChannel).toBe('sms');
    const parsed = SendMessageInput.safeParse({ ...input, queueChannel: 'call' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['queueChannel'], message: 'queueChannel must be one of channels' }),
    ]);
  });
});
