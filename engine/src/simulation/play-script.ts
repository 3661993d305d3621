import { and, desc, eq, like, messages, or, type Database } from '@touchpoint/db';
import { storeEvents, storePurchases } from '@touchpoint/domain';
import { offsetTextToMs } from '@touchpoint/language';
import { type ScriptedEvent } from '@touchpoint/language/api-contract';
import { clientEventSignal, type ClientEvent } from '../workflows/signals';
import type { SimulatedWorld } from './simulated-world';

/** What became of one scripted event. */
export interface PlayedEvent {
  type: string;
  atMs: number;
  delivered: boolean;
  note: string | null;
}

export interface ScriptToPlay {
  workflowId: string;
  /** Simulated epoch ms the run started at. */
  startMs: number;
  clientExternalId: string;
  /** Event types the version reacts to (`awaitedEventTypes`): the router hands journeys no others. */
  awaited: ReadonlySet<string>;
  events: readonly ScriptedEvent[];
  horizonMs: number;
}

/** The latest message the run sent from `step` (a drawn node, or one of its inner steps). */
async function latestMessageOf(scratch: Database, workflowId: string, step: string) {
  const [row] = await scratch
    .select({ id: messages.id, nodeId: messages.nodeId })
    .from(messages)
    .where(
      and(
        like(messages.idempotencyKey, `${workflowId}:%`),
        or(eq(messages.nodeId, step), like(messages.nodeId, `${step}/%`)),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Stores the event in the scratch database the way the API would (a purchase refreshes the client's
 * facts), so conditions and checkpoints that read history see it; returns the stored id, which is the
 * event's id as the router hands it over.
 */
async function storeScripted(
  scratch: Database,
  externalId: string,
  event: ScriptedEvent,
  at: Date,
  key: string,
) {
  if (event.type === 'purchase') {
    const value = Number(event.properties.total ?? event.properties.value ?? 0);
    const [stored] = await storePurchases(scratch, [
      {
        idempotencyKey: key,
        clientExternalId: externalId,
        purchasedAt: at,
        value: Number.isFinite(value) ? value : 0,
        source: 'test path',
      },
    ]);
    return stored!.eventId;
  }
  const [stored] = await storeEvents(scratch, [
    {
      idempotencyKey: key,
      clientExternalId: externalId,
      type: event.type,
      occurredAt: at,
      properties: event.properties as never,
      source: 'test path',
    },
  ]);
  return stored!.eventId;
}

async function isRunning(world: SimulatedWorld, workflowId: string): Promise<boolean> {
  const described = await world.env.client.workflow.getHandle(workflowId).describe();
  return described.status.name === 'RUNNING';
}

/**
 * Moves the simulated clock to each scripted event in turn and hands the event to the run, exactly
 * as the router would (only types the version awaits); then lets the clock run to the horizon. Every
 * timer on the way fires in order, each at its simulated moment.
 */
export async function playScript(
  world: SimulatedWorld,
  scratch: Database,
  script: ScriptToPlay,
): Promise<PlayedEvent[]> {
  const timed = script.events
    .map((event, index) => ({ event, index, atMs: offsetTextToMs(event.at) ?? 0 }))
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const played: PlayedEvent[] = [];
  let clockMs = 0;
  for (const { event, index, atMs } of timed) {
    if (atMs > clockMs) await world.env.sleep(atMs - clockMs);
    clockMs = Math.max(clockMs, atMs);
    const at = new Date(script.startMs + atMs);
    const base = { type: event.type, atMs };
    if (!(await isRunning(world, script.workflowId))) {
      played.push({ ...base, delivered: false, note: 'the run had already ended' });
      continue;
    }
    const eventId = await storeScripted(scratch, script.clientExternalId, event, at, `test-path:${index}`);
    if (!script.awaited.has(event.type)) {
      played.push({ ...base, delivered: false, note: `the journey waits for no "${event.type}" event` });
      continue;
    }
    const answered = event.step ? await latestMessageOf(scratch, script.workflowId, event.step) : null;
    const signal: ClientEvent = {
      eventId: String(eventId),
      type: event.type,
      occurredAt: at.toISOString(),
      properties: event.properties,
      ...(answered
        ? { messageId: answered.id, ...(answered.nodeId ? { nodeId: answered.nodeId } : {}) }
        : {}),
      ...(event.step && !answered ? { nodeId: event.step } : {}),
    };
    await world.env.client.workflow.getHandle(script.workflowId).signal(clientEventSignal, signal);
    const note = event.step
      ? answered
        ? `answers the message of ${answered.nodeId}`
        : `${event.step} had sent nothing yet`
      : null;
    played.push({ ...base, delivered: true, note });
  }
  if (script.horizonMs > clockMs) await world.env.sleep(script.horizonMs - clockMs);
  return played;
}
