import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createActivities, type Activities } from '@touchpoint/activities';
import type { Database } from '@touchpoint/db';
import { useSendWorld, TEST_POLICY, TRACKING, type SendWorld } from './send-fixtures';

let db: Database;
let adapters: SendWorld['adapters'];
useSendWorld((world) => ({ db, adapters } = world));

const activities = (): Activities =>
  createActivities({
    db,
    adapters,
    policy: TEST_POLICY,
    tracking: TRACKING,
    startJourney: async () => ({ status: 'notStarted', reason: 'test' }),
  });

const permanently = (type: string) => ({ type, nonRetryable: true });

// Whatever the activity, input that breaks its contract is a caller's bug: retrying it forever would
// hold the run open for nothing, so it fails for good with the catalogue's type.
describe('activity failures', () => {
  const names = [
    'beginEnrollment',
    'recordNodeVisit',
    'finishEnrollment',
    'recordMigration',
    'loadClientContext',
    'updateClient',
    'startJourney',
    'enrollAudience',
    'sendMessage',
    'createCallTask',
  ] as const satisfies readonly (keyof Activities)[];

  it.each(names)('%s fails for good on input that breaks its contract', async (name) => {
    const activity = activities()[name] as (input: unknown) => Promise<unknown>;
    await expect(activity({ clientId: 42 })).rejects.toMatchObject(permanently('InvalidActivityInput'));
  });

  it('fails for good for a client that does not exist, whichever activity asks', async () => {
    const clientId = randomUUID();
    const all = activities();
    const at = new Date().toISOString();
    await expect(all.loadClientContext({ clientId, at })).rejects.toMatchObject(
      permanently('ClientNotFound'),
    );
    await expect(all.updateClient({ clientId, addTags: ['x'] })).rejects.toMatchObject(
      permanently('ClientNotFound'),
    );
    await expect(
      all.createCallTask({ idempotencyKey: `k-${clientId}`, clientId, nodeId: 'call', dueAt: at }),
    ).rejects.toMatchObject(permanently('ClientNotFound'));
    await expect(
      all.sendMessage({
        idempotencyKey: `s-${clientId}`,
        nodeId: 'send',
        clientId,
        channels: ['email'],
        templateId: 'winback',
        quietHours: 'defer',
      }),
    ).rejects.toMatchObject(permanently('ClientNotFound'));
  });
});
