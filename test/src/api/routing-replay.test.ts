import { Client, Connection } from '@temporalio/client';
import { events, isNull } from '@touchpoint/db';
import { createEventRouter } from '@touchpoint/engine/router/index';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, SIGNUP_JOURNEY } from './api-fixture';
import type { ApiFixture } from './api-fixture';

let fixture: ApiFixture;
let connection: Connection;
beforeAll(async () => {
  // The app runs without a router: the process "dies" after storing, before routing.
  fixture = await createApiFixture();
  connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
});
afterAll(async () => {
  await connection.close();
  await fixture.close();
});

describe('routing is replayable from stored events', () => {
  it('loses no event killed between store and route: the sweep enrolls every client', async () => {
    const created = await fixture.app.inject({
      method: 'POST',
      url: '/v1/journeys',
      headers: ADMIN,
      payload: { name: 'welcome', definition: SIGNUP_JOURNEY },
    });
    const journeyId: string = created.json().id;
    const publish = await fixture.app.inject({
      method: 'POST',
      url: `/v1/journeys/${journeyId}/publish`,
      headers: ADMIN,
    });
    expect(publish.statusCode).toBe(201);
    const stored = await fixture.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: ADMIN,
      payload: {
        events: Array.from({ length: 20 }, (_, i) => ({
          idempotencyKey: `signup-${i}`,
          clientId: `new-${i}`,
          type: 'signup',
          occurredAt: new Date().toISOString(),
        })),
      },
    });
    expect(stored.statusCode).toBe(202);
    const db = fixture.database.db;
    expect(await db.select().from(events).where(isNull(events.routedAt))).toHaveLength(20);

    // A fresh process starts and sweeps.
    const temporal = new Client({ connection });
    const router = createEventRouter({ db, temporal, taskQueue: `routing-replay-${journeyId}` });
    const first = await router.sweepUnroutedEvents(8);
    const rest = await router.sweepUnroutedEvents();
    expect(first.routed + rest.routed).toBe(20);
    expect(first.enrollmentsStarted + rest.enrollmentsStarted).toBe(20);
    expect((await router.sweepUnroutedEvents()).routed).toBe(0);
    expect(await db.select().from(events).where(isNull(events.routedAt))).toHaveLength(0);

    const clients = await db.query.events.findMany({ columns: { clientId: true } });
    for (const { clientId } of clients) {
      const description = await temporal.workflow
        .getHandle(journeyWorkflowId(journeyId, clientId))
        .describe();
      expect(description.type).toBe('journeyWorkflow');
    }
  });
});
