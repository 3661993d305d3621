import { z } from 'zod';
import { NODE_KINDS } from '../node-kinds';
import { CallTaskStatus, ExitJobStatus, IssueRule, JourneyStatus } from '../vocabulary';

const NodeKindName = z.enum(NODE_KINDS);

/**
 * The API contract: request and response shapes the builder and the server share, pure zod beside the
 * journey language (`@touchpoint/language/api-contract`). The builder parses every response, so a
 * server that drifts from these shapes fails loudly at the call site instead of rendering half a
 * page. Journey definitions travel as unknown here and are parsed by the journey language where used.
 */

export const JourneySummary = z.object({
  id: z.string(),
  name: z.string(),
  status: JourneyStatus,
  /** The live version's number; null until first published. */
  currentVersion: z.number().int().nullable(),
  updatedAt: z.string().optional(),
});
export type JourneySummary = z.infer<typeof JourneySummary>;

/** The list's totals of a journey, all versions (the API keeps them in a rollup). */
export const JourneyListTotals = z.object({
  enrolled: z.number().int(),
  active: z.number().int(),
  converted: z.number().int(),
  failed: z.number().int(),
});
export type JourneyListTotals = z.infer<typeof JourneyListTotals>;

/** A row of the journey list. */
export const JourneyListItem = JourneySummary.extend({ totals: JourneyListTotals });
export type JourneyListItem = z.infer<typeof JourneyListItem>;

/** One run of a journey's schedule entry (`GET /v1/journeys/:id/audience-runs`). */
export const AudienceRun = z.object({
  id: z.string(),
  segment: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  members: z.number().int(),
  started: z.number().int(),
  alreadyRunning: z.number().int(),
  notStarted: z.number().int(),
  attempts: z.number().int(),
});
export type AudienceRun = z.infer<typeof AudienceRun>;

export const JourneyDetail = JourneySummary.extend({ draft: z.unknown() });
export type JourneyDetail = z.infer<typeof JourneyDetail>;

/** What happens to clients already inside when a journey is paused (`inFlight` of the pause request). */
export const IN_FLIGHT_CHOICES = ['continue', 'leave'] as const;
export type InFlightChoice = (typeof IN_FLIGHT_CHOICES)[number];

/** The job that makes clients in flight leave a paused or archived journey: `left` of `total` so far. */
export const ExitJob = z.object({
  id: z.string(),
  reason: z.string(),
  status: ExitJobStatus,
  total: z.number().int(),
  left: z.number().int(),
  error: z.string().nullable(),
});
export type ExitJob = z.infer<typeof ExitJob>;

/** The answer of pause / resume / archive: the journey, and the exit job when clients leave. */
export const LifecycleResult = z.object({ status: JourneyStatus, exitJob: ExitJob.nullable() });
export type LifecycleResult = z.infer<typeof LifecycleResult>;

/** One field of a definition that broke one rule (the language's `ProblemIssue`), as the API sends it. */
export const ProblemIssueBody = z
  .object({
    path: z
      .array(z.string())
      .describe('where the field is, from the node or the definition (`config.templateId`)'),
    rule: IssueRule.describe(
      'which rule it broke, from a closed set, so a client can say it in its own words',
    ),
    limit: z.number().optional().describe('the bound of a size rule (`tooFew`, `tooShort`, `tooSmall`, …)'),
    exclusive: z.boolean().optional().describe('the bound itself is not allowed (more than, not at least)'),
    options: z.array(z.string()).optional().describe('the allowed values of a `notAllowed` rule'),
    message: z.string().describe("the schema's own text, in English"),
  })
  .describe('one field that broke one rule');
export type ProblemIssueBody = z.infer<typeof ProblemIssueBody>;

export const Problem = z.object({
  nodeId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  issues: z.array(ProblemIssueBody).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const ValidateResult = z.object({ problems: z.array(Problem) });
export type ValidateResult = z.infer<typeof ValidateResult>;

/** The answer of publish: the new version, or (`unchanged`) the current one the draft does not differ from. */
export const PublishResult = z.object({
  number: z.number().int(),
  summary: z.string().nullable(),
  unchanged: z.boolean().default(false),
});
export type PublishResult = z.infer<typeof PublishResult>;

/** Longest change summary the server stores with a version (its publish body limit). */
export const MAX_SUMMARY_LENGTH = 2000;

/** A published, immutable version (the server returns each with its definition). */
export const JourneyVersion = z.object({
  number: z.number().int(),
  createdAt: z.string(),
  definition: z.unknown(),
  /** The change summary given at publish; null when none was given. */
  summary: z.string().nullable(),
});
export type JourneyVersion = z.infer<typeof JourneyVersion>;

export const NodeStats = z.object({
  entered: z.number().int(),
  waiting: z.number().int(),
  sent: z.number().int(),
  converted: z.number().int(),
  /** Runs that failed for good on this step (older servers do not send it). */
  failed: z.number().int().default(0),
});
export type NodeStats = z.infer<typeof NodeStats>;

/** Journey-wide counts of the chosen version and period. */
export const JourneyTotals = z.object({
  enrolled: z.number().int(),
  active: z.number().int(),
  converted: z.number().int(),
  /** Enrollments whose run failed for good (older servers do not send it). */
  failed: z.number().int().default(0),
  holdout: z.number().int(),
});
export type JourneyTotals = z.infer<typeof JourneyTotals>;

export const JourneyStats = z.object({
  totals: JourneyTotals,
  nodes: z.record(z.string(), NodeStats),
  edges: z.record(z.string(), z.number().int()),
});
export type JourneyStats = z.infer<typeof JourneyStats>;

/** One item of a picker (event type, message template, offer). */
export const CatalogItem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  channel: z.string().optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

/** A call-center task; `payload` carries the script and offer as the journey created them. */
export const CallTask = z.object({
  id: z.string(),
  status: CallTaskStatus,
  priority: z.number().int(),
  dueAt: z.string().nullable(),
  slaDueAt: z.string().nullable().default(null),
  isSlaBreached: z.boolean(),
  claimedBy: z.string().nullable().default(null),
  client: z.object({
    id: z.string(),
    name: z.string().nullable().default(null),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  journeyId: z.string().nullable(),
  journeyVersion: z.number().int().nullable(),
  nodeId: z.string().nullable(),
  payload: z.object({
    script: z.string().default(''),
    offer: z.record(z.string(), z.unknown()).default({}),
    /** A callback: the operator's note from the call before. */
    previousNote: z.string().optional(),
  }),
  outcome: z.string().nullable().default(null),
  outcomeNote: z.string().nullable().default(null),
  completedAt: z.string().nullable().default(null),
  createdAt: z.string(),
});
export type CallTask = z.infer<typeof CallTask>;

/** One page of the operators' queue, with the count of every state under the same filters. */
export const CallTaskPage = z.object({
  items: z.array(CallTask),
  total: z.number().int(),
  counts: z.object({
    open: z.number().int(),
    claimed: z.number().int(),
    completed: z.number().int(),
    cancelled: z.number().int(),
    slaBreached: z.number().int(),
  }),
});
export type CallTaskPage = z.infer<typeof CallTaskPage>;

/** A person who works call tasks (`GET /v1/operators`). */
export const Operator = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type Operator = z.infer<typeof Operator>;

/** One row of the client list (`GET /v1/clients`). */
export const ClientListItem = z.object({
  externalId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  purchaseCount: z.number().int(),
  lastPurchaseAt: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type ClientListItem = z.infer<typeof ClientListItem>;

export const ClientListPage = z.object({ items: z.array(ClientListItem), nextCursor: z.string().nullable() });
export type ClientListPage = z.infer<typeof ClientListPage>;

/** Purchase facts the smart trigger keeps per client (null before the first purchase). */
export const ClientFacts = z.object({
  purchaseCount: z.number(),
  totalValue: z.number(),
  averageValue: z.number().nullable(),
  lastPurchaseAt: z.string().nullable(),
  meanIntervalDays: z.number().nullable(),
  expectedNextPurchaseAt: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type ClientFacts = z.infer<typeof ClientFacts>;

/** A client profile; `id` in URLs is the CRM's external id. */
export const ClientCard = z.object({
  externalId: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  /** Consent per channel: `{ status: granted | denied, updatedAt, source? }`; a missing channel is not granted. */
  consent: z
    .record(
      z.string(),
      z.object({
        status: z.enum(['granted', 'denied']),
        updatedAt: z.string(),
        source: z.string().optional(),
      }),
    )
    .default({}),
  facts: ClientFacts.nullable(),
});
export type ClientCard = z.infer<typeof ClientCard>;

/** One thing that happened to a client, with the journey step that caused it and why. */
export const TimelineEntry = z.object({
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  journeyId: z.string().nullable(),
  nodeId: z.string().nullable(),
  /** The step as drawn in the client's version: its name (null: say its kind), and a ladder rung's place. */
  step: z
    .object({
      name: z.string().nullable(),
      kind: NodeKindName,
      rung: z.object({ index: z.number().int(), part: z.enum(['wait', 'send']).nullable() }).nullable(),
    })
    .nullable()
    .default(null),
  reason: z.string().nullable(),
  outcome: z.string().nullable().default(null),
  /** The marketer's name of the branch, exit or variant the port leads out of. */
  outcomeName: z.string().nullable().default(null),
  /** Call outcomes: the operator's note. */
  note: z.string().nullable().default(null),
  /** Enrollments and exits: the run they belong to, and its Temporal workflow. */
  enrollmentId: z.string().nullable().default(null),
  workflowId: z.string().nullable().default(null),
  channel: z.string().nullable().default(null),
  temporalUiUrl: z.string().nullable().default(null),
  /** Message, call task or enrollment status (`sent`, `open`, `completed`…). */
  status: z.string().nullable().default(null),
  journeyVersion: z.number().int().nullable().default(null),
  /** Purchases: the amount. */
  value: z.number().nullable().default(null),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A message template of the catalog (one per key and channel). */
export const MessageTemplate = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  channel: z.string(),
});

/** An offer of the catalog; journeys refer to it by key. */
export const OfferItem = z.object({ id: z.string(), key: z.string(), name: z.string() });

/** A message the demo's loopback SMTP server received (`GET /v1/sandbox/mail`). */
export const SandboxMail = z.object({
  id: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  receivedAt: z.string(),
});
export type SandboxMail = z.infer<typeof SandboxMail>;

/**
 * Why an SMS was not delivered, in words a marketer knows (set on `failed` receipts only):
 * `unknownNumber` (no such subscriber), `unreachable` (phone off or out of coverage for longer than
 * the operator kept trying: the send may be retried later), `refused` (any other final refusal:
 * landline, carrier filter, opted out).
 */
export const SMS_FAILURE_REASONS = ['unknownNumber', 'unreachable', 'refused'] as const;
export type SmsFailureReason = (typeof SMS_FAILURE_REASONS)[number];

/** One delivery receipt the operator posted about a sandbox text, as the receipt webhooks read it. */
export const SandboxSmsReceipt = z.object({
  /** The provider's own word or code (`delivered`, `103`…). */
  status: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']),
  reason: z.enum(SMS_FAILURE_REASONS).nullable(),
  /** The status with the provider's error code, e.g. `undelivered (30005)`. */
  detail: z.string(),
  /** `failed`: Touchpoint's receipt webhook refused the post, so the outbox did not learn of it. */
  outcome: z.enum(['posted', 'failed']),
  postedAt: z.string(),
});
export type SandboxSmsReceipt = z.infer<typeof SandboxSmsReceipt>;

/** A text the demo's loopback SMS provider received (`GET /v1/sandbox/sms`), with its receipts. */
export const SandboxSms = z.object({
  id: z.string(),
  provider: z.string(),
  to: z.string(),
  body: z.string(),
  segments: z.number().int(),
  encoding: z.string(),
  receivedAt: z.string(),
  /** Oldest first. */
  receipts: z.array(SandboxSmsReceipt),
});
export type SandboxSms = z.infer<typeof SandboxSms>;

/** An event type the server has received, with how often (`GET /v1/event-types`). */
export const EventTypeSummary = z.object({ type: z.string(), count: z.number().int() });
export type EventTypeSummary = z.infer<typeof EventTypeSummary>;
export * from './segmentation';

/** `GET /v1/checkpoint-sample`: a real client's checkpoint, shown in the forms of timed steps. */
export const CheckpointSampleResult = z
  .object({
    sample: z
      .object({
        clientId: z.string().describe("the client's id"),
        externalId: z.string().describe("the client's id in the CRM, as the marketer knows it"),
        timeZone: z.string().nullable().describe("the client's own time zone, when known"),
        checkpointAt: z.iso.datetime().describe("the client's checkpoint, ISO 8601 UTC"),
      })
      .nullable()
      .describe('null when no client has this checkpoint yet'),
  })
  .describe("one client's checkpoint");
export type CheckpointSampleResult = z.infer<typeof CheckpointSampleResult>;
export * from './global-control';
export * from './delivery-settings';
export * from './test-path';
export * from './messages';
export * from './journey-report';
export * from './journey-uplift';
export * from './journey-migration';
export * from './forecast';
