import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { clients, inArray } from '@touchpoint/db';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';
import { PATIENCE_MS } from '../harness/patience';

const JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
};

let fixture: ApiFixture;
let connection: Connection;
let temporal: Client;
let journeyId: string;
// No worker polls this queue: started runs stay open, so describe() shows exactly who was enrolled.
const taskQueue = `enrollments-${randomUUID()}`;

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  fixture.app.inject({ method: 'POST', url, headers: { ...ADMIN, ...headers }, payload: payload as string });

beforeAll(async () => {
  connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
  temporal = new Client({ connection });
  fixture = await createApiFixture({
    temporal,
    config: { adminKey: 'test-admin-key', journeyTaskQueue: taskQueue },
  });
  for (const id of ['ann', 'bob', 'cid', 'dan']) {
    await fixture.app.inject({ method: 'PUT', url: `/v1/clients/${id}`, headers: ADMIN, payload: {} });
  }
  const created = await post('/v1/journeys', { name: 'manual', definition: JOURNEY });
  journeyId = created.json().id;
});
afterAll(async () => {
  await fixture.close();
  await connection.close();
});

async function internalIds(externalIds: string[]) {
  const rows = await fixture.database.db
    .select()
    .from(clients)
    .where(inArray(clients.externalId, externalIds));
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

async function waitForJob(id: string) {
  for (let attempt = 0; attempt < PATIENCE_MS / 50; attempt += 1) {
    const job = (
      await fixture.app.inject({ method: 'GET', url: `/v1/enrollment-jobs/${id}`, headers: ADMIN })
    ).json();
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`enrollment job ${id} still running after ${PATIENCE_MS / 1_000} s`);
}

describe('enrollment', () => {
  it('refuses a journey that is still a draft', async () => {
    const response = await post(`/v1/journeys/${journeyId}/enrollments`, { clientIds: ['ann'] });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('the journey is not active (paused, archived or a draft)');
  });

  it('enrolls listed clients into the current version, once each', async () => {
    expect((await post(`/v1/journeys/${journeyId}/publish`, undefined)).statusCode).toBe(201);
    const response = await post(`/v1/journeys/${journeyId}/enrollments`, {
      clientIds: ['ann', 'bob', 'zed'],
    });
    expect(response.statusCode).toBe(200);
    const ids = await internalIds(['ann', 'bob']);
    expect(response.json()).toEqual({
      journeyVersion: 1,
      enrolled: 2,
      items: [
        { clientId: 'ann', outcome: 'enrolled', workflowId: journeyWorkflowId(journeyId, ids.get('ann')!) },
        { clientId: 'bob', outcome: 'enrolled', workflowId: journeyWorkflowId(journeyId, ids.get('bob')!) },
        { clientId: 'zed', outcome: 'unknownClient', workflowId: null },
      ],
    });
    const run = await temporal.workflow.getHandle(journeyWorkflowId(journeyId, ids.get('ann')!)).describe();
    expect(run.status.name).toBe('RUNNING');
    const again = await post(`/v1/journeys/${journeyId}/enrollments`, { clientIds: ['ann'] });
    expect(again.json().items[0].outcome).toBe('alreadyEnrolled');
  });

  it('runs a CSV upload as a job reporting progress and each failed line with its reason', async () => {
    const csv = 'name,clientId\nAnn,ann\nCid,cid\n"Dan, Jr",dan\nNo One,nope\nCid again,cid\n';
    const response = await post(`/v1/journeys/${journeyId}/enrollments/csv`, csv, {
      'content-type': 'text/csv',
    });
    expect(response.statusCode).toBe(202);
    expect(response.headers.location).toBe(`/v1/enrollment-jobs/${response.json().id}`);
    expect(response.json()).toMatchObject({ total: 5, status: 'running' });
    const job = await waitForJob(response.json().id);
    expect(job).toMatchObject({
      status: 'completed',
      total: 5,
      done: 5,
      enrolled: 2,
      failed: 3,
      error: null,
    });
    expect(job.failures).toEqual([
      {
        line: 2,
        clientId: 'ann',
        reason: 'already enrolled (the journey re-entry policy forbids another run)',
        code: 'alreadyEnrolled',
      },
      {
        line: 5,
        clientId: 'nope',
        reason: 'unknown client (create it with PUT /v1/clients/:id first)',
        code: 'unknownClient',
      },
      { line: 6, clientId: 'cid', reason: 'listed earlier in the file', code: 'duplicateRow' },
    ]);
    const ids = await internalIds(['dan']);
    const run = await temporal.workflow.getHandle(journeyWorkflowId(journeyId, ids.get('dan')!)).describe();
    expect(run.status.name).toBe('RUNNING');
  });

  it('answers bad uploads with the line at fault', async () => {
    const cases = [
      {
        body: 'email\na@b.c\n',
        message:
          'body: line 1: no client id column in the header (one of clientid, client_id, externalid, external_id, id)',
      },
      { body: 'id\nann\n"open', message: 'body: line 3: unterminated quoted field' },
      { body: 'id\n', message: 'body: line 2: no client rows after the header' },
    ];
    for (const { body, message } of cases) {
      const response = await post(`/v1/journeys/${journeyId}/enrollments/csv`, body, {
        'content-type': 'text/csv',
      });
      expect({ status: response.statusCode, message: response.json().message }).toEqual({
        status: 400,
        message,
      });
    }
    const missing = await fixture.app.inject({
      method: 'GET',
      url: `/v1/enrollment-jobs/${randomUUID()}`,
      headers: ADMIN,
    });
    expect(missing.statusCode).toBe(404);
  });
});
