import { enrollments, holdoutAssignments, nodeVisits, type Database } from '@touchpoint/db';
import { upsertClients } from '@touchpoint/domain';

/**
 * A welcome journey with a 20 % holdout balanced by region, planned for a large lift so a few hundred
 * clients are enough data: the journey the uplift pages are shown on.
 */
export const HOLDOUT_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', name: 'Signup', config: { trigger: { kind: 'manual' } } },
    {
      id: 'welcome',
      kind: 'send',
      name: 'Welcome mail',
      config: { channels: ['email'], templateId: 'welcome', quietHours: 'skip' },
    },
    {
      id: 'one-day',
      kind: 'wait',
      name: 'One day',
      config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
    },
    {
      id: 'nudge',
      kind: 'send',
      name: 'Nudge SMS',
      config: { channels: ['sms'], templateId: 'remind', quietHours: 'skip' },
    },
    { id: 'done', kind: 'exit', name: 'Done', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'welcome' },
    { id: 'e2', source: 'welcome', sourcePort: 'sent', target: 'one-day' },
    { id: 'e3', source: 'welcome', sourcePort: 'unreachable', target: 'done' },
    { id: 'e4', source: 'one-day', sourcePort: 'out', target: 'nudge' },
    { id: 'e5', source: 'nudge', sourcePort: 'sent', target: 'done' },
    { id: 'e6', source: 'nudge', sourcePort: 'unreachable', target: 'done' },
  ],
  goal: { name: 'Order', event: { type: 'order', filters: [] } },
  settings: {
    reentry: 'once',
    holdout: {
      share: 0.2,
      strata: [{ kind: 'attribute', name: 'region' }],
      minimumDetectableEffect: 1,
    },
  },
  layout: {},
};

export const REGIONS = ['EU', 'US', 'RU'] as const;
export const PER_REGION = 80;
/** Conversion among treated / journey-held-out clients per region: the journey works best in EU. */
const RATES: Record<(typeof REGIONS)[number], { treated: number; control: number }> = {
  EU: { treated: 0.5, control: 0.25 },
  US: { treated: 0.4, control: 0.25 },
  RU: { treated: 0.45, control: 0.3125 },
};

export const externalIdOf = (region: string, k: number) => `${region.toLowerCase()}-${k}`;

/** One seeded client: their group and whether they converted. */
export interface SeededClient {
  externalId: string;
  region: string;
  group: 'treated' | 'journey' | 'global';
  converted: boolean;
}

/**
 * Writes the runs the interpreter would have recorded for 240 clients (80 per region) three days ago,
 * as the stats overlay test does: every tenth client of a region in the global control group (held
 * out of the journey too), every fifth of the others in the journey's holdout, both walking the same
 * path in shadow. Converted clients leave at the day's wait; the others get the nudge. The global
 * group's assignments are written too, so the global report has its two arms.
 */
export async function seedHoldoutRuns(
  db: Database,
  journeyId: string,
  enteredAt: Date,
): Promise<SeededClient[]> {
  const seeded: SeededClient[] = [];
  for (const region of REGIONS) {
    const counters = { treated: 0, journey: 0, global: 0 };
    for (let k = 0; k < PER_REGION; k += 1) {
      const group = k % 10 === 9 ? 'global' : k % 5 === 0 ? 'journey' : 'treated';
      const nth = counters[group]++;
      const converted =
        group === 'global'
          ? nth < 2
          : group === 'journey'
            ? nth < RATES[region].control * (PER_REGION / 5)
            : nth < RATES[region].treated * 56;
      seeded.push({ externalId: externalIdOf(region, k), region, group, converted });
    }
  }
  const ids = await upsertClients(
    db,
    seeded.map((client) => ({ externalId: client.externalId, attributes: { region: client.region } })),
  );
  for (const client of seeded) {
    const clientId = ids.get(client.externalId)!;
    const [enrollment] = await db
      .insert(enrollments)
      .values({
        journeyId,
        journeyVersion: 1,
        clientId,
        workflowId: `journey:${journeyId}:client:${client.externalId}`,
        source: 'manual',
        isHoldout: client.group !== 'treated',
        controlGroup: client.group === 'treated' ? null : client.group,
        stratum: `region=${client.region}`,
        status: 'completed',
        enteredAt,
        exitedAt: new Date(enteredAt.getTime() + 86_400_000),
        exitReason: client.converted ? 'converted' : 'completed',
      })
      .returning({ id: enrollments.id });
    const path = client.converted
      ? ['entry', 'welcome', 'one-day']
      : ['entry', 'welcome', 'one-day', 'nudge', 'done'];
    await db.insert(nodeVisits).values(
      path.map((nodeId, visitSeq) => ({
        enrollmentId: enrollment!.id,
        journeyId,
        journeyVersion: 1,
        nodeId,
        visitSeq,
        enteredAt: new Date(enteredAt.getTime() + visitSeq * 3_600_000),
        leftAt: new Date(enteredAt.getTime() + visitSeq * 3_600_000),
        outcome: null,
      })),
    );
  }
  await db.insert(holdoutAssignments).values(
    seeded.map((client) => ({
      experimentKey: 'global',
      clientId: ids.get(client.externalId)!,
      stratum: '',
      isHoldout: client.group === 'global',
      assignedAt: enteredAt,
    })),
  );
  return seeded;
}
