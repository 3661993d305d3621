import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { events, isNull } from '@touchpoint/db';
import { createEventRouter } from '@touchpoint/engine/router/index';
import { expect } from 'vitest';
import { startJourneyWorker } from '../harness/start-journey-worker';
import { ADMIN, ADMIN_KEY, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

/** The API with a real router and a journey worker on the dev server, on a fresh database. */
export interface RoutedApiFixture extends ApiFixture {
  temporal: Client;
  publish(name: string, definition: unknown): Promise<string>;
  postEvents(batch: Record<string, unknown>[]): Promise<void>;
  countUnrouted(): Promise<number>;
}

export async function createRoutedApiFixture(): Promise<RoutedApiFixture> {
  const taskQueue = `routed-${randomUUID()}`;
  const connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
  const temporal = new Client({ connection });
  const api = await createApiFixture((db) => ({
    router: createEventRouter({ db, temporal, taskQueue }),
    temporal,
    config: { adminKey: ADMIN_KEY, journeyTaskQueue: taskQueue },
  }));
  const worker = await startJourneyWorker({ db: api.database.db, taskQueue });
  const inject = async (method: 'POST', url: string, payload?: Record<string, unknown>) =>
    api.app.inject({ method, url, headers: ADMIN, ...(payload === undefined ? {} : { payload }) });
  return {
    ...api,
    temporal,
    async publish(name, definition) {
      const created = await inject('POST', '/v1/journeys', { name, definition });
      const journeyId: string = created.json().id;
      const published = await inject('POST', `/v1/journeys/${journeyId}/publish`);
      expect(published.statusCode, published.body).toBe(201);
      return journeyId;
    },
    async postEvents(batch) {
      const response = await inject('POST', '/v1/events', { events: batch });
      expect(response.statusCode, response.body).toBe(202);
    },
    async countUnrouted() {
      const rows = await api.database.db
        .select({ id: events.id })
        .from(events)
        .where(isNull(events.routedAt));
      return rows.length;
    },
    async close() {
      await worker.stop();
      await api.close();
      await connection.close();
    },
  };
}

/** A journey that keeps its clients for a month unless they buy. */
export function sleepyJourney(entryType: string, reentry: 'once' | 'afterExit' = 'once') {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: entryType } } } },
      { id: 'nap', kind: 'wait', config: { mode: 'duration', duration: { amount: 30, unit: 'days' } } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { id: 'a', source: 'entry', sourcePort: 'out', target: 'nap' },
      { id: 'b', source: 'nap', sourcePort: 'out', target: 'done' },
    ],
    goal: { event: { type: 'purchase' } },
    settings: { reentry },
  };
}
