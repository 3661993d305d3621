import { describe, expect, it } from 'vitest';
import { visitSeqOfOutboxKey } from './outbox-key';

describe('visitSeqOfOutboxKey', () => {
  const workflowId = 'journey:j1:client:anna';

  it('reads the visit of an enrollment-scoped key', () => {
    const key = `${workflowId}:5b0e7c7e-2f4d-4a57-9a51-0d6c1d7f3a10:12:remind/send#email`;
    expect(visitSeqOfOutboxKey(key, workflowId)).toBe(12);
  });

  it('reads the visit of a key recorded before enrollment scoping', () => {
    expect(visitSeqOfOutboxKey(`${workflowId}:3:mail#sms`, workflowId)).toBe(3);
  });

  it('is not misled by a colon in the node id', () => {
    expect(visitSeqOfOutboxKey(`${workflowId}:7:step:two#email`, workflowId)).toBe(7);
  });
});
