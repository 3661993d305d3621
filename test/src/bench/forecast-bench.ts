// The forecast benchmark: `npx tsx test/src/bench/forecast-bench.ts` alone (after the global setup),
// or through `npm run bench`. Forecast throughput in clients × simulated days per second, beside a
// raw run of the same journey for the same clients in the same process: one time-skipping world, the
// same copied histories, every client enrolled and the clock skipped to the horizon in one sleep,
// with no replayed purchases, no day-by-day stepping and no read-back.
import { DeliveryPolicy } from '@touchpoint/channels';
import {
  clients,
  journeys,
  offers,
  openDatabase,
  templates,
  type ClientRow,
  type Database,
  type JourneyRow,
} from '@touchpoint/db';
import { importCdnow, DEFAULT_CDNOW_FILE } from '@touchpoint/engine/cli/import-cdnow';
import { copyJourneyAndCatalog } from '@touchpoint/engine/simulation/copy-into-scratch';
import { copyAudienceIntoScratch } from '@touchpoint/engine/simulation/forecast/copy-audience-into-scratch';
import { DAY_MS } from '@touchpoint/engine/simulation/forecast/drive-forecast';
import { waitForQuietRuns } from '@touchpoint/engine/simulation/forecast/wait-for-quiet-runs';
import { openScratchDatabase } from '@touchpoint/engine/simulation/scratch-database';
import { openSimulatedWorld, type SimulationSettings } from '@touchpoint/engine/simulation/simulated-world';
import { createSimulator } from '@touchpoint/engine/simulation/simulator';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import { mapWithLimit } from '@touchpoint/engine/temporal/map-with-limit';
import { JourneyDefinition, SEED_004_JOURNEY } from '@touchpoint/language';
import { ForecastRequest } from '@touchpoint/language/api-contract';
import { seedTemplates } from '../channels/send-fixtures';
import { createTestDatabase } from '../harness/database';
import { insertPublishedJourney } from '../harness/published-journey';
import type { BenchRow } from './engine-bench';

const START_AT = new Date('1997-06-01T00:00:00Z');

async function seedCatalog(db: Database): Promise<void> {
  await db.insert(templates).values({
    key: 'sms-offer',
    channel: 'sms',
    name: 'Offer SMS',
    format: 'text',
    body: '{{ offer.percent }}% off your next order',
  });
  for (const key of ['remind', 'stimulate', 'sms-offer', 'call-script']) await seedTemplates(db, key);
  await db.insert(offers).values({ key: 'discount', name: 'Discount', kind: 'percentDiscount', value: 5 });
}

/** The same journey for the same clients, enrolled and skipped to the horizon in one sleep. */
async function runRaw(
  db: Database,
  settings: SimulationSettings,
  run: {
    journey: JourneyRow;
    definition: JourneyDefinition;
    audience: readonly ClientRow[];
    horizonDays: number;
  },
): Promise<number> {
  const { journey, definition, audience, horizonDays } = run;
  const scratch = await openScratchDatabase();
  const world = await openSimulatedWorld(scratch.db, settings);
  try {
    const started = Date.now();
    const startMs = await world.env.currentTimeMs();
    await copyJourneyAndCatalog(db, scratch.db, journey, { number: 1, definition });
    await copyAudienceIntoScratch(db, scratch.db, audience, {
      realStartMs: START_AT.getTime(),
      shiftMs: startMs - START_AT.getTime(),
      horizonMs: horizonDays * DAY_MS,
    });
    await world.run(async () => {
      const ids = await mapWithLimit(audience, 16, async (client) => {
        const handle = await enrollClient(world.env.client, {
          journeyId: journey.id,
          journeyVersion: 1,
          clientId: client.id,
          definition,
          reentry: definition.settings.reentry,
          enrollmentKey: 'raw',
          source: 'manual',
          taskQueue: world.taskQueue,
          useSearchAttributes: false,
        });
        return handle.workflowId;
      });
      await world.env.sleep(horizonDays * DAY_MS);
      await waitForQuietRuns(world.env.client, ids);
    });
    return (audience.length * horizonDays) / ((Date.now() - started) / 1000);
  } finally {
    await world.close();
    await scratch.close();
  }
}

export async function runForecastBenchmark(
  options: { clients?: number; horizonDays?: number } = {},
): Promise<BenchRow[]> {
  const size = options.clients ?? 200;
  const horizonDays = options.horizonDays ?? 60;
  const testDb = await createTestDatabase();
  const database = openDatabase(testDb.url);
  const settings: SimulationSettings = {
    policy: DeliveryPolicy.parse({}),
    channels: ['email', 'sms', 'call'],
    tracking: { baseUrl: 'http://127.0.0.1:1', secret: 'forecast-bench' },
  };
  const simulator = createSimulator(database.db, settings);
  try {
    const db = database.db;
    await seedCatalog(db);
    await importCdnow({ db, file: DEFAULT_CDNOW_FILE, limitClients: size });
    const definition = JourneyDefinition.parse(SEED_004_JOURNEY);
    await insertPublishedJourney(db, SEED_004_JOURNEY, 'Seed 004');
    const [journey] = await db.select().from(journeys);
    const audience = await db.select().from(clients);
    const request = ForecastRequest.parse({
      version: 1,
      audience: { kind: 'all' },
      horizonDays,
      startAt: START_AT.toISOString(),
    });
    const started = Date.now();
    await simulator.forecast({
      journey: journey!,
      versions: [{ label: 1, number: 1, definition }],
      audience,
      request,
      realStartMs: START_AT.getTime(),
      onProgress: () => undefined,
    });
    const forecastRate = (size * horizonDays) / ((Date.now() - started) / 1000);
    const rawRate = await runRaw(db, settings, { journey: journey!, definition, audience, horizonDays });
    return [
      {
        metric: `forecast of ${size} CDNOW clients × ${horizonDays} days (history replayed)`,
        value: forecastRate,
        unit: 'client-days/s',
        baseline: rawRate,
        ratio: forecastRate / rawRate,
      },
    ];
  } finally {
    await simulator.close();
    await database.close();
    await testDb.close();
  }
}
