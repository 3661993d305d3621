import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, journeys, journeyVersions, nodeVisits } from '@touchpoint/db';
import type { JourneyDefinition } from '@touchpoint/language';
import { migrateEnrollments } from '@touchpoint/engine/temporal/migrate-enrollments';
import { getCurrentNodeQuery } from '@touchpoint/engine/workflows/signals';
import type { z } from 'zod';
import { DAY_MS, startEngineFixture } from './engine-fixture';
import type { EngineFixture } from './engine-fixture';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.close();
});

type Definition = z.input<typeof JourneyDefinition>;
const version = (waitId: string, exitReason: string): Definition => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: waitId, kind: 'wait', config: { mode: 'duration', duration: { amount: 10, unit: 'days' } } },
    { id: 'tag', kind: 'updateClient', config: { addTags: [exitReason] } },
    { id: 'done', kind: 'exit', config: { reason: exitReason } },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: waitId },
    { id: 'b', source: waitId, sourcePort: 'out', target: 'tag' },
    { id: 'c', source: 'tag', sourcePort: 'out', target: 'done' },
  ],
});
const V1 = version('w1', 'v1-done');
const V2 = version('w2', 'v2-done');

async function publishSecondVersion(journeyId: string) {
  await fixture.db.insert(journeyVersions).values({ journeyId, number: 2, definition: V2 as never });
  await fixture.db.update(journeys).set({ currentVersion: 2 }).where(eq(journeys.id, journeyId));
}

describe('migrating waiting clients to the next version', () => {
  it('reports counts on a dry run, then moves every waiting client keeping its deadline', async () => {
    const start = await fixture.now();
    const journeyId = await fixture.createJourney(V1);
    const handles = [];
    for (let index = 0; index < 3; index += 1) {
      handles.push(await fixture.enroll(journeyId, await fixture.createClient(), V1));
    }
    await fixture.env.sleep(DAY_MS);
    await publishSecondVersion(journeyId);
    const base = { client: fixture.client, db: fixture.db, journeyId, fromVersion: 1, toVersion: 2 };

    const dryRun = await migrateEnrollments({ ...base, nodeMap: { w1: 'w2' }, dryRun: true });
    expect(dryRun).toEqual({
      nodes: [{ fromNodeId: 'w1', toNodeId: 'w2', waiting: 3 }],
      problems: [],
      moving: 3,
      staying: 0,
      dryRun: true,
      signalled: 0,
    });
    expect(await handles[0]!.query(getCurrentNodeQuery)).toBe('w1');

    const refused = await migrateEnrollments({ ...base, nodeMap: { w1: 'tag' }, dryRun: false });
    expect(refused).toMatchObject({ signalled: 0, problems: [{ nodeId: 'w1', code: 'targetNotWaiting' }] });

    const moved = await migrateEnrollments({ ...base, nodeMap: { w1: 'w2' }, dryRun: false });
    expect(moved).toMatchObject({ signalled: 3, moving: 3 });
    for (const handle of handles) {
      expect(await handle.result()).toMatchObject({
        reason: 'v2-done',
        path: ['entry', 'w1', 'w2', 'tag', 'done'],
      });
    }
    const [enrollment] = await fixture.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.workflowId, handles[0]!.workflowId));
    expect(enrollment).toMatchObject({ journeyVersion: 2, status: 'completed' });
    const visits = await fixture.db
      .select()
      .from(nodeVisits)
      .where(and(eq(nodeVisits.enrollmentId, enrollment!.id)))
      .orderBy(asc(nodeVisits.visitSeq));
    expect(visits.map((visit) => [visit.nodeId, visit.journeyVersion, visit.outcome])).toEqual([
      ['entry', 1, 'out'],
      ['w1', 1, 'migrated'],
      ['w2', 2, 'out'],
      ['tag', 2, 'out'],
      ['done', 2, 'v2-done'],
    ]);
    // The ten-day wait still ends ten days after the client first arrived, not after the move.
    expect(Math.round((visits[3]!.enteredAt.getTime() - start) / DAY_MS)).toBe(10);
  });
});
