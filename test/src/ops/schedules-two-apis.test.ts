import { randomUUID } from 'node:crypto';
import { Client, Connection, type ScheduleDescription } from '@temporalio/client';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { journeyScheduleId, segmentScheduleId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { waitUntil } from '../harness/patience';
import { PROCESS_SECRETS, startTouchpointProcess, type TouchpointProcess } from './touchpoint-process';

/** Two ticks of an every-minute cron, on a loaded machine: the wait is for the ticks, not a verdict. */
const TWO_TICKS_MS = 200_000;

const EVERY_MINUTE = '* * * * *';

const SCHEDULED_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'entry',
      kind: 'entry',
      config: { trigger: { kind: 'schedule', cron: EVERY_MINUTE, segment: 'rfmCell:R1F3M3' } },
    },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
  settings: {},
  layout: {},
};

// Two API processes of one deployment (one database, one Temporal namespace and task queue), started
// at the same moment as after a deploy, each making sure of the segment recompute Schedule, and a
// scheduled journey published on one and paused and resumed on the other: Temporal holds one
// Schedule of each, and each tick starts one run, not one per API. On the harness's dev server
// (the time-skipping server has no schedules), with a task queue of this file's own.
describe('schedules with two APIs', () => {
  let database: TestDatabase;
  let connection: Connection;
  let temporal: Client;
  const apis: { url: string; process: TouchpointProcess }[] = [];
  let worker: TouchpointProcess;
  const taskQueue = `two-api-schedules-${randomUUID().slice(0, 8)}`;

  const call = async (api: number, method: string, path: string, body: unknown = {}) => {
    const response = await fetch(`${apis[api]!.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${PROCESS_SECRETS.TOUCHPOINT_ADMIN_KEY}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.ok, `${method} ${path} -> ${response.status} ${text}`).toBe(true);
    return JSON.parse(text) as Record<string, unknown>;
  };

  /** Every Schedule of this namespace whose id is `id` (Temporal lists them all; there is no filter). */
  const schedulesNamed = async (id: string) => {
    const found: string[] = [];
    for await (const schedule of temporal.schedule.list()) {
      if (schedule.scheduleId === id) found.push(schedule.scheduleId);
    }
    return found;
  };

  /** The runs a Schedule started, as Temporal's visibility records them. */
  const runsStartedBy = async (scheduleId: string) => {
    const runs: string[] = [];
    for await (const run of temporal.workflow.list({ query: `TemporalScheduledById = "${scheduleId}"` })) {
      runs.push(run.workflowId);
    }
    return runs;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const address = process.env.TEMPORAL_ADDRESS ?? '';
    connection = await Connection.connect({ address });
    temporal = new Client({ connection });
    const env = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SEGMENT_RECOMPUTE_CRON: EVERY_MINUTE,
      LOG_LEVEL: 'info',
    };
    const ports = [await findFreePort(), await findFreePort()];
    for (const port of ports) {
      apis.push({
        url: `http://127.0.0.1:${port}`,
        process: startTouchpointProcess('api', { ...env, API_PORT: String(port) }),
      });
    }
    await Promise.all(
      apis.map((api) => api.process.waitForLog('started', (line) => line['msg'] === 'api started')),
    );
    // One worker runs what the ticks start, so an overlapping (skipped) run never hides a second start.
    worker = startTouchpointProcess('worker', { ...env, WORKER_HTTP_PORT: String(await findFreePort()) });
    await worker.waitForLog('started', (line) => line['msg'] === 'worker started');
  });
  afterAll(async () => {
    await Promise.all([...apis.map((api) => api.process.stop()), worker?.stop()]);
    await connection?.close();
    await database?.close();
  });

  it(
    'creates each Schedule once and starts one run per tick',
    { timeout: TWO_TICKS_MS + 60_000 },
    async () => {
      const journey = await call(0, 'POST', '/v1/journeys', {
        name: 'Weekly',
        definition: SCHEDULED_JOURNEY,
      });
      const journeyId = String(journey.id);
      await call(0, 'POST', `/v1/journeys/${journeyId}/publish`);
      await call(1, 'POST', `/v1/journeys/${journeyId}/pause`);
      await call(1, 'POST', `/v1/journeys/${journeyId}/resume`);

      const segmentation = segmentScheduleId(taskQueue);
      const entry = journeyScheduleId(journeyId);
      expect(await schedulesNamed(segmentation)).toEqual([segmentation]);
      expect(await schedulesNamed(entry)).toEqual([entry]);

      let descriptions: ScheduleDescription[] = [];
      await waitUntil(
        async () => {
          descriptions = await Promise.all(
            [segmentation, entry].map((id) => temporal.schedule.getHandle(id).describe()),
          );
          return descriptions.every((description) => description.info.numActionsTaken >= 2);
        },
        TWO_TICKS_MS,
        'two ticks of both Schedules',
      );
      for (const [index, id] of [segmentation, entry].entries()) {
        const { info } = descriptions[index]!;
        const ticks = info.recentActions.map((action) => action.scheduledAt.getTime());
        // Every action is a tick of its own: no tick started twice, none skipped for an overlap.
        expect(new Set(ticks).size, `${id} ticks`).toBe(info.recentActions.length);
        expect(info.numActionsSkippedOverlap, `${id} overlaps`).toBe(0);
        const started = info.recentActions.map((action) => action.action.workflow.workflowId).sort();
        await waitUntil(
          async () => (await runsStartedBy(id)).length >= started.length,
          undefined,
          `${id}'s runs in visibility`,
        );
        const runs = (await runsStartedBy(id)).filter((run) => started.includes(run)).sort();
        expect(runs, `${id} runs`).toEqual(started);
      }
    },
  );
});
