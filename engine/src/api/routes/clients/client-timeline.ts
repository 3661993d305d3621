import type { CallTaskRow, Database, MessageRow, MessageStatusTimeline } from '@touchpoint/db';
import { loadClientHistory } from '@touchpoint/domain';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { loadStepNamer, TimelineStep, type StepNamer } from './timeline-steps';

/** Kinds of timeline entry, in the order entries sharing one instant are listed. */
export const TIMELINE_KINDS = [
  'purchase',
  'enrollment',
  'nodeVisit',
  'message',
  'callTask',
  'callOutcome',
  'funnelAction',
  'exit',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

/**
 * One thing that happened to a client. Journey fields are null for purchases; `reason` explains a skip,
 * deferral or exit; `temporalUiUrl` (enrollments) opens the client's workflow in the Temporal UI.
 */
export const TimelineEntry = z
  .object({
    at: z.date().describe('when it happened'),
    kind: TimelineKind.describe('what kind of thing happened'),
    title: z.string().describe('a one-line summary in English'),
    journeyId: z.string().nullable().describe('the journey it happened in; null for purchases'),
    journeyVersion: z.number().int().nullable().describe('the version of that journey the client was on'),
    nodeId: z.string().nullable().describe('the node it happened at'),
    step: TimelineStep.nullable().describe('that node as drawn: its name and kind; null outside journeys'),
    enrollmentId: z.string().nullable().describe('the enrollment (one run of the journey for the client)'),
    reason: z.string().nullable().describe('why a step was skipped or deferred, or why the client left'),
    status: z.string().nullable().describe('the state of the enrollment, message or call task'),
    /** Node visits: the port taken; call tasks: the operator's outcome. */
    outcome: z
      .string()
      .nullable()
      .describe("node visits: the port taken; call tasks: the operator's outcome"),
    outcomeName: z
      .string()
      .nullable()
      .describe('the name the marketer gave the branch, exit or variant of that port; null for fixed ports'),
    note: z.string().nullable().describe("call outcomes: the operator's note"),
    channel: z.string().nullable().describe('the channel a message went out on'),
    messageId: z.string().nullable().describe('the message, for message and funnel entries'),
    statusTimeline: z
      .array(
        z
          .object({
            status: z.string().describe('the delivery status reached'),
            at: z.string().describe('when (ISO 8601)'),
            detail: z.string().optional().describe("the provider's words, when it gave any"),
          })
          .describe('one delivery status change'),
      )
      .nullable()
      .describe("a message's delivery statuses, oldest first"),
    workflowId: z.string().nullable().describe("the enrollment's Temporal workflow id"),
    temporalUiUrl: z.string().nullable().describe('opens that workflow in the Temporal UI, when configured'),
    value: z.number().nullable().describe('the order total of a purchase, or the value of a funnel action'),
  })
  .describe('one thing that happened to the client');
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ClientTimeline = z
  .object({
    clientId: z.string().describe("Touchpoint's id of the client"),
    externalId: z.string().describe("the client's id in your CRM"),
    items: z.array(TimelineEntry).describe('what happened, oldest first'),
  })
  .describe("the client's history across journeys: purchases, steps, messages, calls, funnel actions");

/** Where the timeline links to: the Temporal UI's base URL and namespace (no links without a URL). */
export interface TemporalUiLink {
  baseUrl: string | null;
  namespace: string;
}

const BLANK = {
  journeyId: null,
  journeyVersion: null,
  nodeId: null,
  step: null,
  outcomeName: null,
  note: null,
  enrollmentId: null,
  reason: null,
  status: null,
  outcome: null,
  channel: null,
  messageId: null,
  statusTimeline: null,
  workflowId: null,
  temporalUiUrl: null,
  value: null,
} satisfies Omit<TimelineEntry, 'at' | 'kind' | 'title'>;

const EXPLAINED = new Set(['skipped', 'deferred', 'unreachable', 'failed', 'bounced']);

/** The newest explanation in a message's status timeline (why it was skipped, deferred, bounced…). */
function explainMessage(timeline: MessageStatusTimeline): string | null {
  const entry = timeline.findLast((e) => EXPLAINED.has(e.status) && e.detail !== undefined);
  return entry?.detail ?? null;
}

function toMessageEntry(row: MessageRow): TimelineEntry {
  return {
    ...BLANK,
    at: row.createdAt,
    kind: 'message',
    title: `${row.channel} ${row.status}`,
    journeyId: row.journeyId,
    journeyVersion: row.journeyVersion,
    nodeId: row.nodeId,
    enrollmentId: row.enrollmentId,
    reason: explainMessage(row.statusTimeline),
    status: row.status,
    channel: row.channel,
    messageId: row.id,
    statusTimeline: row.statusTimeline,
  };
}

export function buildTemporalUiUrl(link: TemporalUiLink, workflowId: string): string | null {
  if (link.baseUrl === null) return null;
  const base = link.baseUrl.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(link.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

type ClientHistory = NonNullable<Awaited<ReturnType<typeof loadClientHistory>>>;

function toEnrollmentEntries(rows: ClientHistory['enrollments'], link: TemporalUiLink) {
  return rows.flatMap(({ enrollment: e, journeyName }): TimelineEntry[] => {
    const common = {
      ...BLANK,
      journeyId: e.journeyId,
      journeyVersion: e.journeyVersion,
      enrollmentId: e.id,
      workflowId: e.workflowId,
      temporalUiUrl: buildTemporalUiUrl(link, e.workflowId),
    };
    const holdout = e.isHoldout ? ' (holdout)' : '';
    const entered: TimelineEntry = {
      ...common,
      at: e.enteredAt,
      kind: 'enrollment',
      title: `entered "${journeyName}" v${e.journeyVersion}${holdout} via ${e.source}`,
      status: e.status,
    };
    if (e.exitedAt === null) return [entered];
    const title = `left "${journeyName}" v${e.journeyVersion}: ${e.status}`;
    return [
      entered,
      { ...common, at: e.exitedAt, kind: 'exit', title, status: e.status, reason: e.exitReason },
    ];
  });
}

function toVisitEntries(rows: ClientHistory['visits']): TimelineEntry[] {
  return rows.map((v) => ({
    ...BLANK,
    at: v.enteredAt,
    kind: 'nodeVisit',
    title: v.skipReason === null ? `node ${v.nodeId}` : `node ${v.nodeId} skipped`,
    journeyId: v.journeyId,
    journeyVersion: v.journeyVersion,
    nodeId: v.nodeId,
    enrollmentId: v.enrollmentId,
    reason: v.skipReason,
    outcome: v.outcome,
  }));
}

function toActivityEntries(history: ClientHistory): TimelineEntry[] {
  return [
    ...history.messages.map(toMessageEntry),
    ...history.funnelActions.map((a): TimelineEntry => ({
      ...BLANK,
      at: a.occurredAt,
      kind: 'funnelAction',
      title: `funnel action: ${a.type}`,
      journeyId: a.journeyId,
      journeyVersion: a.journeyVersion,
      nodeId: a.nodeId,
      enrollmentId: a.enrollmentId,
      messageId: a.messageId,
      outcome: a.type,
    })),
    ...history.callTasks.flatMap(toCallTaskEntries),
    ...history.purchases.map((p): TimelineEntry => ({
      ...BLANK,
      at: p.purchasedAt,
      kind: 'purchase',
      title: `purchase ${p.value.toFixed(2)} ${p.currency}`,
      value: p.value,
    })),
  ];
}

/**
 * A call task is two moments: when the journey queued it, and when the operator recorded its outcome
 * (with their note), each at its own time.
 */
function toCallTaskEntries(t: CallTaskRow): TimelineEntry[] {
  const common = {
    ...BLANK,
    journeyId: t.journeyId,
    journeyVersion: t.journeyVersion,
    nodeId: t.nodeId,
    enrollmentId: t.enrollmentId,
    messageId: t.messageId,
    workflowId: t.workflowId,
  };
  const queued: TimelineEntry = {
    ...common,
    at: t.createdAt,
    kind: 'callTask',
    title: `call task ${t.status === 'completed' ? 'queued' : t.status}`,
    status: t.status,
  };
  if (t.completedAt === null || t.outcome === null) return [queued];
  const done: TimelineEntry = {
    ...common,
    at: t.completedAt,
    kind: 'callOutcome',
    title: `call outcome: ${t.outcome}${t.outcomeNote ? ` ("${t.outcomeNote}")` : ''}`,
    status: t.status,
    outcome: t.outcome,
    note: t.outcomeNote,
  };
  return [queued, done];
}

/** Each entry's step by its drawn name, and a port's item by its name, from the version's definition. */
function nameSteps(entry: TimelineEntry, namer: StepNamer): TimelineEntry {
  const step = namer.step(entry.journeyId, entry.journeyVersion, entry.nodeId);
  if (step === null) return entry;
  const outcomeName =
    entry.kind === 'nodeVisit'
      ? namer.portName(entry.journeyId, entry.journeyVersion, entry.nodeId, entry.outcome)
      : null;
  return { ...entry, step, outcomeName };
}

const KIND_ORDER = new Map(TIMELINE_KINDS.map((kind, index) => [kind, index]));

/**
 * Everything that happened to one client, oldest first: purchases, journey enrollments and exits (each
 * linked to its workflow in the Temporal UI), node visits with skip reasons, messages with their status
 * timelines, call tasks and their outcomes (at the time recorded, with the operator's note) and funnel
 * actions; every step by the name it has on the canvas of the client's version.
 */
export async function loadClientTimeline(db: Database, externalId: string, link: TemporalUiLink) {
  const history = await loadClientHistory(db, externalId);
  if (history === undefined) throw new ApiError('not_found', `params.id: no client "${externalId}"`);
  const { client } = history;
  const entries = [
    ...toEnrollmentEntries(history.enrollments, link),
    ...toVisitEntries(history.visits),
    ...toActivityEntries(history),
  ];
  const namer = await loadStepNamer(
    db,
    entries.flatMap((e) =>
      e.journeyId !== null && e.journeyVersion !== null && e.nodeId !== null
        ? [{ journeyId: e.journeyId, version: e.journeyVersion }]
        : [],
    ),
  );
  const items = entries
    .map((entry) => nameSteps(entry, namer))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
  return { clientId: client.id, externalId: client.externalId, items };
}
