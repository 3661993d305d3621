import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// A call step waits for what the operator records on its task (or for the marketer's timeout) before
// it moves on, and the outcome picks the path: on the last rung of a ladder and as a plain send.

const DAY_MS = 86_400_000;

type TimelineItem = {
  kind: string;
  at: string;
  status: string | null;
  reason: string | null;
  nodeId: string | null;
};
type CallTask = { id: string; nodeId: string; client: { id: string } };

const exit = (id: string, reason: string) => ({ id, kind: 'exit', config: { reason } });
const edge = (source: string, sourcePort: string, target: string) => ({
  id: `${source}-${sourcePort}`,
  source,
  sourcePort,
  target,
});

/** One email rung in the past, then the call center at the checkpoint, which waits up to two days. */
const LADDER_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    {
      id: 'ladder',
      kind: 'escalationLadder',
      config: {
        checkpoint: { source: 'attribute', attribute: 'bookingDate' },
        pastCheckpoint: 'runNow',
        quietHours: 'skip',
        rungs: [
          {
            id: 'phone',
            offset: { amount: 0, unit: 'days' },
            channels: ['call'],
            templateId: 'call-script',
            callOutcome: { timeout: { amount: 2, unit: 'days' }, exits: ['booking'] },
          },
        ],
      },
    },
    exit('won', 'booked'),
    exit('lost', 'noBooking'),
  ],
  edges: [
    edge('entry', 'out', 'ladder'),
    edge('ladder', 'call:phone:booking', 'won'),
    edge('ladder', 'done', 'lost'),
  ],
};

/** The same call as a plain send step: no answer leads to its own exit. */
const SEND_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    {
      id: 'call',
      kind: 'send',
      config: {
        channels: ['call'],
        templateId: 'call-script',
        quietHours: 'skip',
        callOutcome: { exits: ['noAnswer'] },
      },
    },
    exit('retry', 'noAnswer'),
    exit('talked', 'talked'),
  ],
  edges: [
    edge('entry', 'out', 'call'),
    edge('call', 'call:noAnswer', 'retry'),
    edge('call', 'sent', 'talked'),
    edge('call', 'unreachable', 'talked'),
  ],
};

describe('a call step waits for its outcome', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'call-outcome' });
    await tp.call('POST', '/v1/templates', {
      channel: 'call',
      key: 'call-script',
      name: 'Call',
      body: 'Offer help.',
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  async function enroll(definition: unknown, externalId: string) {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', { name: externalId, definition });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
    await tp.call('PUT', `/v1/clients/${externalId}`, {
      phone: '+79160000000',
      // The checkpoint passed an hour ago: the rung runs now.
      attributes: { bookingDate: new Date(Date.now() - 3_600_000).toISOString() },
      consent: { call: { status: 'granted', updatedAt: new Date().toISOString() } },
    });
    const enrolled = await tp.call<{ items: { workflowId: string }[] }>(
      'POST',
      `/v1/journeys/${journey.id}/enrollments`,
      { clientIds: [externalId] },
    );
    return { journeyId: journey.id, handle: tp.env.client.workflow.getHandle(enrolled.items[0]!.workflowId) };
  }

  async function openTaskOf(externalId: string): Promise<CallTask> {
    let task: CallTask | undefined;
    await waitUntil(async () => {
      const tasks = await tp.call<{ items: CallTask[] }>('GET', '/v1/call-tasks');
      task = tasks.items.find((item) => item.client.id === externalId);
      return task !== undefined;
    }, 30_000);
    return task!;
  }

  const timelineOf = async (externalId: string) =>
    (await tp.call<{ items: TimelineItem[] }>('GET', `/v1/clients/${externalId}/timeline`)).items;

  it('follows the ladder port of the outcome the operator records', async () => {
    const { journeyId, handle } = await enroll(LADDER_JOURNEY, 'ladder-booked');
    const task = await openTaskOf('ladder-booked');
    expect(task.nodeId).toBe('ladder/phone/send');
    // The task exists and the client is still on the call rung: nothing has decided the path yet.
    expect((await timelineOf('ladder-booked')).some((item) => item.kind === 'exit')).toBe(false);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    await tp.call('POST', `/v1/call-tasks/${task.id}/complete`, { outcome: 'booking' });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'completed', reason: 'booked' });
    expect(result.path.at(-1)).toBe('won');
    const stats = await tp.call<{ edges: Record<string, number> }>('GET', `/v1/journeys/${journeyId}/stats`);
    expect(stats.edges).toMatchObject({ 'ladder-call:phone:booking': 1 });
    expect(stats.edges['ladder-done']).toBeUndefined();
  });

  it('leaves by "no result" only once the timeout has passed without an outcome', async () => {
    const { handle } = await enroll(LADDER_JOURNEY, 'ladder-silent');
    await openTaskOf('ladder-silent');
    // Awaiting the result lets the time-skipping server jump over the two-day timeout.
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'completed', reason: 'noBooking' });
    const timeline = await timelineOf('ladder-silent');
    const callVisit = timeline.find(
      (item) => item.kind === 'nodeVisit' && item.nodeId === 'ladder/phone/send',
    );
    const left = timeline.find((item) => item.kind === 'exit');
    expect(callVisit && left).toBeTruthy();
    expect(Date.parse(left!.at) - Date.parse(callVisit!.at)).toBeGreaterThanOrEqual(2 * DAY_MS);
  });

  it('waits on a plain call send too, and leaves by the outcome port', async () => {
    const { handle } = await enroll(SEND_JOURNEY, 'send-no-answer');
    const task = await openTaskOf('send-no-answer');
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await tp.call('POST', `/v1/call-tasks/${task.id}/complete`, { outcome: 'noAnswer' });
    expect(await handle.result()).toMatchObject({ status: 'completed', reason: 'noAnswer' });
  });

  it('keeps waiting through a callback past the timeout, and leaves by the outcome of the next call', async () => {
    const { handle } = await enroll(LADDER_JOURNEY, 'ladder-callback');
    const first = await openTaskOf('ladder-callback');
    // Four days on: past the rung's two-day timeout, which the callback must move.
    const callbackAt = new Date(Date.now() + 4 * DAY_MS).toISOString();
    const done = await tp.call<{ callback: { taskId: string; dueAt: string } }>(
      'POST',
      `/v1/call-tasks/${first.id}/complete`,
      { outcome: 'callBack', callbackAt, note: 'Call me on Monday' },
    );
    expect(done.callback.dueAt).toBe(callbackAt);
    const next = await waitForTask(done.callback.taskId);
    expect(next).toMatchObject({ nodeId: 'ladder/phone/send', dueAt: callbackAt });
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await tp.call('POST', `/v1/call-tasks/${next.id}/complete`, { outcome: 'booking' });
    expect(await handle.result()).toMatchObject({ status: 'completed', reason: 'booked' });
  });

  it('times a callback out from the callback time, not from the first call', async () => {
    const { handle } = await enroll(LADDER_JOURNEY, 'ladder-callback-silent');
    const first = await openTaskOf('ladder-callback-silent');
    const callbackAt = Date.now() + 4 * DAY_MS;
    await tp.call('POST', `/v1/call-tasks/${first.id}/complete`, {
      outcome: 'callBack',
      callbackAt: new Date(callbackAt).toISOString(),
    });
    // Nobody answers the next call: the step leaves by "no result" two days after the callback time.
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'completed', reason: 'noBooking' });
    const left = (await timelineOf('ladder-callback-silent')).find((item) => item.kind === 'exit');
    expect(Date.parse(left!.at)).toBeGreaterThanOrEqual(callbackAt + 2 * DAY_MS);
  });

  async function waitForTask(taskId: string): Promise<CallTask & { dueAt: string }> {
    let task: (CallTask & { dueAt: string }) | undefined;
    await waitUntil(async () => {
      const tasks = await tp.call<{ items: (CallTask & { dueAt: string })[] }>('GET', '/v1/call-tasks');
      task = tasks.items.find((item) => item.id === taskId);
      return task !== undefined;
    }, 30_000);
    return task!;
  }
});
