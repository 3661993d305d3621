// The test-path benchmark: `npm run bench -- test-path`. "A one-year journey finishes in under 5 s":
// seconds for one client's test path of a journey whose waits add up to 365 days (three sends),
// through `POST /v1/journeys/:id/test-path` on an app with a fresh simulator, first in this process
// (the scratch database opens, the first time-skipping server and worker start) and then warm (the
// world the simulator readied after the previous run). Beside each, the same-run raw figure: the
// same workflow for the same client on a time-skipping server of its own, run to its end with no
// API, no script and no read-back (cold: that server, worker and scratch database started first).
import { DeliveryPolicy } from '@touchpoint/channels';
import { clients, journeys, openDatabase, type Database, type JourneyRow } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { copyJourneyAndCatalog } from '@touchpoint/engine/simulation/copy-into-scratch';
import { copyAudienceIntoScratch } from '@touchpoint/engine/simulation/forecast/copy-audience-into-scratch';
import { DAY_MS } from '@touchpoint/engine/simulation/forecast/drive-forecast';
import { openScratchDatabase } from '@touchpoint/engine/simulation/scratch-database';
import {
  openSimulatedWorld,
  type SimulatedWorld,
  type SimulationSettings,
} from '@touchpoint/engine/simulation/simulated-world';
import { createSimulator } from '@touchpoint/engine/simulation/simulator';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import { JourneyDefinition } from '@touchpoint/language';
import { TestPathResult } from '@touchpoint/language/api-contract';
import { seedTemplates } from '../channels/send-fixtures';
import { createTestDatabase } from '../harness/database';
import { insertPublishedJourney } from '../harness/published-journey';
import type { BenchRow } from './engine-bench';

const ADMIN_KEY = 'test-path-bench-key';
const CLIENT_ID = 'year-long-client';
const WARM_RUNS = 3;

const wait = (id: string, days: number) => ({
  id,
  kind: 'wait',
  config: { mode: 'duration', duration: { amount: days, unit: 'days' } },
});
const send = (id: string, channels: string[]) => ({
  id,
  kind: 'send',
  config: { channels, templateId: 'year' },
});

/** Three sends, 120 + 120 + 125 = 365 days of waits between and after them, then the exit. */
const YEAR_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    send('welcome', ['email']),
    wait('four-months', 120),
    send('check-in', ['email']),
    wait('eight-months', 120),
    send('anniversary', ['sms']),
    wait('year-end', 125),
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    ['entry', 'out', 'welcome'],
    ['welcome', 'sent', 'four-months'],
    ['welcome', 'unreachable', 'four-months'],
    ['four-months', 'out', 'check-in'],
    ['check-in', 'sent', 'eight-months'],
    ['check-in', 'unreachable', 'eight-months'],
    ['eight-months', 'out', 'anniversary'],
    ['anniversary', 'sent', 'year-end'],
    ['anniversary', 'unreachable', 'year-end'],
    ['year-end', 'out', 'done'],
  ].map(([source, sourcePort, target], index) => ({ id: `e${index}`, source, sourcePort, target })),
};

const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The same workflow for the same client in `world`, started and awaited to its end: no API, no read-back. */
async function runRaw(
  db: Database,
  world: SimulatedWorld,
  run: { scratch: Database; journey: JourneyRow; definition: JourneyDefinition },
): Promise<void> {
  const [client] = await db.select().from(clients);
  const startMs = await world.env.currentTimeMs();
  await copyJourneyAndCatalog(db, run.scratch, run.journey, { number: 1, definition: run.definition });
  await copyAudienceIntoScratch(db, run.scratch, [client!], {
    realStartMs: startMs,
    shiftMs: 0,
    horizonMs: 400 * DAY_MS,
  });
  await world.run(async () => {
    const handle = await enrollClient(world.env.client, {
      journeyId: run.journey.id,
      journeyVersion: 1,
      clientId: client!.id,
      definition: run.definition,
      reentry: run.definition.settings.reentry,
      enrollmentKey: 'raw',
      source: 'manual',
      taskQueue: world.taskQueue,
      useSearchAttributes: false,
    });
    // The time-skipping client skips the clock while it waits for a result.
    await handle.result();
  });
}

/** Seconds for a raw run: `cold` includes starting its scratch database, server and worker. */
async function timeRawRun(db: Database, settings: SimulationSettings, cold: boolean): Promise<number> {
  const journey = (await db.select().from(journeys))[0]!;
  const definition = JourneyDefinition.parse(YEAR_JOURNEY);
  const coldStarted = performance.now();
  const scratch = await openScratchDatabase();
  const world = await openSimulatedWorld(scratch.db, settings);
  try {
    const started = performance.now();
    await runRaw(db, world, { scratch: scratch.db, journey, definition });
    return seconds(cold ? coldStarted : started);
  } finally {
    await world.close();
    await scratch.close();
  }
}

export async function runTestPathBenchmark(): Promise<BenchRow[]> {
  const testDb = await createTestDatabase();
  const database = openDatabase(testDb.url);
  const settings: SimulationSettings = {
    policy: DeliveryPolicy.parse({}),
    channels: ['email', 'sms', 'call'],
    tracking: { baseUrl: 'http://127.0.0.1:1', secret: 'test-path-bench' },
  };
  const db = database.db;
  const simulator = createSimulator(db, settings);
  const app = await buildApp({ db, config: { adminKey: ADMIN_KEY }, simulator });
  try {
    await seedTemplates(db, 'year');
    const granted = { status: 'granted' as const, updatedAt: '2025-01-01T00:00:00Z' };
    await db.insert(clients).values({
      externalId: CLIENT_ID,
      email: 'year@example.com',
      phone: '+15550000001',
      consent: { email: granted, sms: granted },
    });
    const journeyId = await insertPublishedJourney(db, YEAR_JOURNEY, 'A year of touchpoints');
    await app.ready();
    const testPath = async () => {
      const started = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: `/v1/journeys/${journeyId}/test-path`,
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
        payload: { version: 1, clientId: CLIENT_ID, horizon: '+400d' },
      });
      const elapsed = seconds(started);
      if (response.statusCode !== 200) throw new Error(`test path: ${response.statusCode} ${response.body}`);
      const path = TestPathResult.parse(response.json());
      const sends = path.steps.filter((step) => step.messages.length > 0).length;
      if (path.outcome !== 'exited' || sends !== 3)
        throw new Error(`test path ended ${path.outcome} after ${sends} sends: ${response.body}`);
      return elapsed;
    };
    const first = await testPath();
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) warm.push(await testPath());
    const rawCold = await timeRawRun(db, settings, true);
    const rawRuns: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) rawRuns.push(await timeRawRun(db, settings, false));
    const rawWarm = median(rawRuns);
    const warmMedian = median(warm);
    return [
      {
        metric: 'test path of a 365-day journey (3 sends), first in the process',
        value: first,
        unit: 's',
        baseline: rawCold,
        ratio: first / rawCold,
      },
      {
        metric: `test path of a 365-day journey (3 sends), warm (median of ${WARM_RUNS})`,
        value: warmMedian,
        unit: 's',
        baseline: rawWarm,
        ratio: warmMedian / rawWarm,
      },
    ];
  } finally {
    await app.close();
    await simulator.close();
    await database.close();
    await testDb.close();
  }
}
