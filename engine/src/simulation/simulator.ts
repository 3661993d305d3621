import type { ClientRow, Database, JourneyRow } from '@touchpoint/db';
import type { ForecastRequest, ForecastResult, TestPathResult } from '@touchpoint/language/api-contract';
import { runForecast, type ForecastRun } from './forecast/run-forecast';
import { runTestPath, type TestPathJob } from './run-test-path';
import { openScratchDatabase, type ScratchDatabase } from './scratch-database';
import { openSimulatedWorld, type SimulatedWorld, type SimulationSettings } from './simulated-world';

/** More simulations are waiting than one process runs in reasonable time: try again shortly. */
export class SimulatorBusyError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} simulations are already waiting; try again shortly`);
    this.name = 'SimulatorBusyError';
  }
}

/** A forecast of one or two versions (a dry run of a change) over one audience. */
export interface ForecastPlan {
  journey: JourneyRow;
  versions: readonly ForecastRun['version'][];
  audience: readonly ClientRow[];
  request: ForecastRequest;
  realStartMs: number;
  /** Client-days simulated so far, over all versions. */
  onProgress(done: number): void;
  /** Gives the forecast up: checked when its turn comes and after each simulated day. */
  stop?: AbortSignal;
}

/** Runs simulations for the API: started on first use, one at a time. */
export interface Simulator {
  testPath(job: TestPathJob): Promise<TestPathResult>;
  /** Each version in a world of its own, one after the other; results in the plan's order. */
  forecast(plan: ForecastPlan): Promise<ForecastResult[]>;
  /** Whether another simulation may queue now (else the next call is refused as busy). */
  hasRoom(): boolean;
  close(): Promise<void>;
}

/** Runs waiting at most behind the one in progress before the simulator says it is busy. */
export const MAX_WAITING_SIMULATIONS = 4;

/**
 * The API's simulator. Nothing starts until the first request: then the scratch database opens
 * (seconds, once per process) and each run gets a world of its own (a time-skipping server and a
 * worker), so no run inherits another's clock. Starting a world costs a worker start, so the next
 * one is made ready right after each run, while nobody waits. Runs take turns because they share
 * the scratch database, which each run empties first.
 */
export function createSimulator(real: Database, settings: SimulationSettings): Simulator {
  let scratch: Promise<ScratchDatabase> | null = null;
  let nextWorld: Promise<SimulatedWorld> | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  function openScratch(): Promise<ScratchDatabase> {
    scratch ??= openScratchDatabase().catch((error: unknown) => {
      scratch = null;
      throw error;
    });
    return scratch;
  }

  async function takeWorld(database: ScratchDatabase): Promise<SimulatedWorld> {
    const ready = nextWorld;
    nextWorld = null;
    return (await ready?.catch(() => null)) ?? openSimulatedWorld(database.db, settings);
  }

  function prepareNextWorld(database: ScratchDatabase): void {
    nextWorld = openSimulatedWorld(database.db, settings);
    // A world that fails to start is simply not used; the next run starts its own.
    nextWorld.catch(() => undefined);
  }

  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (waiting >= MAX_WAITING_SIMULATIONS) return Promise.reject(new SimulatorBusyError(waiting));
    waiting += 1;
    const turn = tail.then(async () => {
      waiting -= 1;
      return work();
    });
    tail = turn.catch(() => undefined);
    return turn;
  }

  /** Runs `work` in a fresh world over the emptied scratch database, then readies the next world. */
  async function inFreshWorld<T>(work: (database: ScratchDatabase, world: SimulatedWorld) => Promise<T>) {
    const database = await openScratch();
    await database.reset();
    const world = await takeWorld(database);
    try {
      return await work(database, world);
    } finally {
      await world.close();
      prepareNextWorld(database);
    }
  }

  return {
    hasRoom: () => waiting < MAX_WAITING_SIMULATIONS,
    forecast: (plan) =>
      inTurn(async () => {
        const results: ForecastResult[] = [];
        const perVersion = plan.audience.length * plan.request.horizonDays;
        for (const [index, version] of plan.versions.entries()) {
          plan.stop?.throwIfAborted();
          // As a test path's: counted from the turn, the scratch reset and the world's start included.
          const wallStart = Date.now();
          const result = await inFreshWorld((database, world) =>
            runForecast(real, database.db, world, {
              ...plan,
              version,
              onDay: (day) => {
                // Thrown into the day loop, a stop ends the run there; the world closes as after a failure.
                plan.stop?.throwIfAborted();
                plan.onProgress(index * perVersion + day * plan.audience.length);
              },
            }),
          );
          results.push({ ...result, elapsedMs: Date.now() - wallStart });
        }
        return results;
      }),
    testPath: (job) =>
      inTurn(async () => {
        // Counted from the run's turn: the scratch reset and the world's start are the caller's wait too.
        const wallStart = Date.now();
        const path = await inFreshWorld((database, world) =>
          runTestPath(real, database.db, world, settings.policy, job),
        );
        return { ...path, elapsedMs: Date.now() - wallStart };
      }),
    async close() {
      await tail;
      const world = await nextWorld?.catch(() => null);
      await world?.close();
      const database = await scratch?.catch(() => null);
      await database?.close();
    },
  };
}
