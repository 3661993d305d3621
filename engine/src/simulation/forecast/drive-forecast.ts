import { and, asc, gte, inArray, lt, messages, type Database } from '@touchpoint/db';
import { storeEvents, storePurchases, type IncomingPurchase } from '@touchpoint/domain';
import { seededRandom } from '@touchpoint/language';
import type { ForecastBehaviour } from '@touchpoint/language/api-contract';
import type { EventRouter } from '../../router';
import type { SimulatedWorld } from '../simulated-world';
import type { ReplayedPurchase } from './copy-audience-into-scratch';
import { drawAnswers } from './draw-rates';
import { settleDueTimers } from './settle-due-timers';

export const DAY_MS = 86_400_000;

export interface ForecastDrive {
  startMs: number;
  /** The simulated now (epoch ms), kept current as the clock moves. */
  clock: { nowMs: number };
  horizonDays: number;
  behaviour: ForecastBehaviour;
  /** With `history`: the purchases to replay, oldest first. */
  replay: readonly ReplayedPurchase[];
  externalIds: ReadonlyMap<string, string>;
  /** After each simulated day (1 … horizonDays). */
  onDay(day: number): void;
}

/**
 * Stores purchases and events the way the API does, then routes them as the API's router would,
 * once the clients' runs have taken in the timers due now ({@link settleDueTimers}).
 */
async function storeAndRoute(
  world: SimulatedWorld,
  scratch: Database,
  router: EventRouter,
  purchases: readonly IncomingPurchase[],
  events: Parameters<typeof storeEvents>[1],
): Promise<void> {
  const clientIds = [...purchases, ...events].map((incoming) => incoming.clientExternalId);
  await settleDueTimers(world.env.client, scratch, clientIds);
  const stored = [
    ...(purchases.length > 0 ? await storePurchases(scratch, purchases) : []),
    ...(events.length > 0 ? await storeEvents(scratch, events) : []),
  ];
  const ids = stored.filter((outcome) => outcome.isNew).map((outcome) => outcome.eventId);
  if (ids.length > 0) await router.routeEvents(ids);
}

/**
 * Email and SMS messages handed over during `[fromMs, toMs)` of simulated time, ordered by their
 * keys (run and step), not by the moment: two runs of one forecast then draw for the same messages
 * in the same order, however the wall clock spread the sends.
 */
async function sentDuring(scratch: Database, fromMs: number, toMs: number) {
  return scratch
    .select({
      id: messages.id,
      channel: messages.channel,
      nodeId: messages.nodeId,
      clientId: messages.clientId,
    })
    .from(messages)
    .where(
      and(
        inArray(messages.channel, ['email', 'sms']),
        gte(messages.sentAt, new Date(fromMs)),
        lt(messages.sentAt, new Date(toMs)),
      ),
    )
    .orderBy(asc(messages.idempotencyKey));
}

/**
 * Moves the simulated clock day by day to the horizon. With `history`, each replayed purchase is
 * stored and routed at its moment (the clock is moved to it first, so every timer due by then has
 * fired and been taken in, as live). With `rates`, at the end of each day the day's emails and texts are answered by
 * draws of a seeded generator, and the answers reach the runs then, like tracking hits would.
 */
export async function driveForecast(
  world: SimulatedWorld,
  scratch: Database,
  router: EventRouter,
  drive: ForecastDrive,
): Promise<void> {
  const random = drive.behaviour.kind === 'rates' ? seededRandom(drive.behaviour.seed) : null;
  let next = 0;
  // Moves to `atMs` after the start by the server's own clock, which also ran while the audience
  // was copied and enrolled: a replayed purchase lands at its moment, not that much later.
  const moveTo = async (atMs: number) => {
    const behindMs = drive.startMs + atMs - (await world.env.currentTimeMs());
    if (behindMs > 0) await world.env.sleep(behindMs);
    drive.clock.nowMs = Math.max(drive.clock.nowMs, drive.startMs + atMs);
  };
  for (let day = 1; day <= drive.horizonDays; day += 1) {
    const dayEndMs = day * DAY_MS;
    while (next < drive.replay.length && drive.replay[next]!.atMs <= dayEndMs) {
      // Purchases of one moment go together, as one request of the API would take them.
      const atMs = drive.replay[next]!.atMs;
      const batch: ReplayedPurchase[] = [];
      while (next < drive.replay.length && drive.replay[next]!.atMs === atMs)
        batch.push(drive.replay[next++]!);
      await moveTo(atMs);
      await storeAndRoute(world, scratch, router, batch, []);
    }
    await moveTo(dayEndMs);
    if (random && drive.behaviour.kind === 'rates') {
      const sent = await sentDuring(scratch, drive.startMs + dayEndMs - DAY_MS, drive.startMs + dayEndMs);
      const answers = drawAnswers(
        sent.map((row) => ({ ...row, clientExternalId: drive.externalIds.get(row.clientId) ?? '' })),
        drive.behaviour,
        random,
        new Date(drive.startMs + dayEndMs),
      );
      await storeAndRoute(world, scratch, router, answers.purchases, answers.events);
    }
    drive.onDay(day);
  }
}
