import { eq, events } from '@touchpoint/db';
import type { JourneyDefinition } from '@touchpoint/language';
import type { z } from 'zod';
import { createEventRouter } from '@touchpoint/engine/router/index';
import { buildApp } from '@touchpoint/engine/api/build-app';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKING } from '../channels/send-fixtures';
import { startEngineFixture } from '../engine/engine-fixture';
import type { EngineFixture } from '../engine/engine-fixture';
import { PATIENCE_MS } from '../harness/patience';

/** Mail, then wait up to 3 days for that very mail to be opened. */
const OPEN_WATCH = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'mail', kind: 'send', config: { channels: ['email'], templateId: 'winback' } },
    {
      id: 'watch',
      kind: 'waitForEvent',
      config: {
        exits: [
          {
            id: 'opened',
            event: { type: 'email.opened' },
            scope: { kind: 'messageFromNode', nodeId: 'mail' },
          },
        ],
        timeout: { amount: 3, unit: 'days' },
      },
    },
    { id: 'opened', kind: 'exit', config: { reason: 'opened' } },
    { id: 'silent', kind: 'exit', config: { reason: 'silent' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'mail' },
    { id: 'e2', source: 'mail', sourcePort: 'sent', target: 'watch' },
    { id: 'e3', source: 'mail', sourcePort: 'unreachable', target: 'silent' },
    { id: 'e4', source: 'watch', sourcePort: 'event:opened', target: 'opened' },
    { id: 'e5', source: 'watch', sourcePort: 'timeout', target: 'silent' },
  ],
} satisfies z.input<typeof JourneyDefinition>;

let fixture: EngineFixture;
let app: FastifyInstance;
beforeAll(async () => {
  fixture = await startEngineFixture();
  const router = createEventRouter({
    db: fixture.db,
    temporal: fixture.client,
    taskQueue: fixture.taskQueue,
  });
  app = await buildApp({
    db: fixture.db,
    temporal: fixture.client,
    router,
    config: { adminKey: 'test-admin-key', trackingSecret: TRACKING.secret },
  });
});
afterAll(async () => {
  await app.close();
  await fixture.close();
});

async function waitForRouting(eventId: number) {
  for (let attempt = 0; attempt < PATIENCE_MS / 50; attempt += 1) {
    const [row] = await fixture.db.select().from(events).where(eq(events.id, eventId));
    if (row?.routedAt) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`event ${eventId} was not routed within ${PATIENCE_MS / 1_000} s`);
}

async function waitForMail(to: string) {
  for (let attempt = 0; attempt < PATIENCE_MS / 50; attempt += 1) {
    const mail = fixture.smtp.listMessages().find((message) => message.to.includes(to));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail to ${to} within ${PATIENCE_MS / 1_000} s`);
}

describe('tracking feeds journeys', () => {
  it('an open of the mail a journey sent takes its message-scoped waitForEvent exit', async () => {
    const journeyId = await fixture.createJourney(OPEN_WATCH);
    const clientId = await fixture.createClient();
    const handle = await fixture.enroll(journeyId, clientId, OPEN_WATCH);
    const [client] = await fixture.db.query.clients.findMany({ where: (c, { eq }) => eq(c.id, clientId) });
    const mail = await waitForMail(client!.email!);
    const pixel = /https:\/\/touchpoint\.test(\/t\/o\/[^"]+)"/.exec(mail.html!)![1]!;

    const response = await app.inject({ method: 'GET', url: pixel });
    expect(response.statusCode).toBe(200);
    const [event] = await fixture.db.select().from(events).where(eq(events.type, 'email.opened'));
    expect(event).toMatchObject({ nodeId: 'mail', source: 'tracking' });
    // The API routes in the background; awaiting the result earlier would let the time-skipping
    // server jump past the 3-day timeout before the signal is even sent.
    await waitForRouting(event!.id);
    expect(await handle.result()).toMatchObject({ reason: 'opened' });
  });
});
