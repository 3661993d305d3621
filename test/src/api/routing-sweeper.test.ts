import { Client, Connection } from '@temporalio/client';
import { events, isNull } from '@touchpoint/db';
import { createEventRouter, startRoutingSweeper } from '@touchpoint/engine/router/index';
import type { RoutingReport } from '@touchpoint/engine/router/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, SIGNUP_JOURNEY } from './api-fixture';
import type { ApiFixture } from './api-fixture';
import { PATIENCE_MS } from '../harness/patience';

let fixture: ApiFixture;
let connection: Connection;
beforeAll(async () => {
  // No router in the app: everything it stores is left for the sweeper.
  fixture = await createApiFixture();
  connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
});
afterAll(async () => {
  await connection.close();
  await fixture.close();
});

async function storeSignups(prefix: string, count: number) {
  const response = await fixture.app.inject({
    method: 'POST',
    url: '/v1/events',
    headers: ADMIN,
    payload: {
      events: Array.from({ length: count }, (_, i) => ({
        idempotencyKey: `${prefix}-${i}`,
        clientId: `${prefix}-client-${i}`,
        type: 'signup',
        occurredAt: new Date().toISOString(),
      })),
    },
  });
  expect(response.statusCode).toBe(202);
}

const unrouted = () => fixture.database.db.select().from(events).where(isNull(events.routedAt));

describe('startRoutingSweeper', () => {
  it('routes the backlog on its timer, batch after batch, and routes nothing once stopped', async () => {
    const created = await fixture.app.inject({
      method: 'POST',
      url: '/v1/journeys',
      headers: ADMIN,
      payload: { name: 'signup', definition: SIGNUP_JOURNEY },
    });
    const journeyId: string = created.json().id;
    await fixture.app.inject({ method: 'POST', url: `/v1/journeys/${journeyId}/publish`, headers: ADMIN });
    await storeSignups('before', 25);

    const router = createEventRouter({
      db: fixture.database.db,
      temporal: new Client({ connection }),
      taskQueue: `sweeper-${journeyId}`,
    });
    const passes: RoutingReport[] = [];
    const sweeper = startRoutingSweeper({
      router,
      intervalMs: 50,
      batchSize: 10,
      onPass: (r) => passes.push(r),
    });
    await storeSignups('during', 5);
    for (let attempt = 0; attempt < PATIENCE_MS / 50 && (await unrouted()).length > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await sweeper.stop();
    expect(await unrouted()).toHaveLength(0);
    const total = passes.reduce((sum, pass) => sum + pass.enrollmentsStarted, 0);
    expect(total).toBe(30);

    await storeSignups('after', 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await unrouted()).toHaveLength(3);
  });
});
