import { z } from 'zod';
import { DEFAULT_SEGMENT_RECOMPUTE_CRON } from '../temporal/segment-schedule';
import { DEFAULT_CHANNEL_LIMITS } from './channel-limits';

// 0 asks the kernel for a free port (tests).
const port = z.coerce.number().int().min(0).max(65_535);
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
  .default(false);
// Fractions allowed (0.5 = one send every two seconds); Temporal's limiter takes any positive rate.
const sendsPerSecond = (fallback: number) => z.coerce.number().positive().max(100_000).default(fallback);
// Each send in flight holds a database connection, so the bound is the pool PostgreSQL can give.
const sendsInFlight = (fallback: number) => z.coerce.number().int().min(1).max(500).default(fallback);

/**
 * Everything Touchpoint reads from the environment, in one place. docker-compose.yml and the README
 * name exactly these variables (a test keeps them in step).
 */
export const AppConfig = z.object({
  /** PostgreSQL. Unset under `npm start`: the embedded PGlite in .data/ is used instead. */
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /** Task queue of the journey workflows; channel sends run on queues of their own. */
  TEMPORAL_TASK_QUEUE: z.string().default('journeys'),
  /** Where people open the Temporal Web UI; the client timeline links workflows there. */
  TEMPORAL_UI_URL: z.string().url().default('http://127.0.0.1:8233'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(3000),
  /** The address clients' mail links point at (open pixel, click redirect, unsubscribe). */
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** Admin API key; `npm start` generates one into .data/ when unset. */
  TOUCHPOINT_ADMIN_KEY: z.string().min(16).optional(),
  /** HMAC secret for tracking-link tokens and webhook signatures. */
  TRACKING_SECRET: z.string().min(16).optional(),
  /** Days open and click links answer after the send (then 410); unsubscribe links never expire. */
  TRACKING_LINK_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:2525'),
  /**
   * Mailpit-compatible HTTP API of the mail relay. With it, a send cut short after the relay may have
   * accepted it is looked up before it is sent again (exactly once); without it, it is sent again.
   */
  SMTP_API_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Touchpoint <journeys@touchpoint.local>'),
  SMS_PROVIDER: z.enum(['twilio', 'smsru']).default('twilio'),
  /** Base URL of the SMS provider's API (the providers' public URLs in production). */
  SMS_API_URL: z.string().url().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  SMSRU_API_ID: z.string().optional(),
  /**
   * SMS.ru signs no callback, so its callback URL carries this secret: set the account's callback to
   * `<PUBLIC_URL>/v1/receipts/smsru/<secret>`. Without it SMS.ru receipts are refused.
   */
  SMSRU_RECEIPT_SECRET: z.string().min(16).optional(),
  /** Lets webhooks and the call-center push reach private and loopback addresses (off in production). */
  WEBHOOK_ALLOW_PRIVATE: flag,
  /** Level of the API's and worker's structured (pino) log on stdout; every 5xx is logged at `error` with its request id. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The worker's operator port (`/metrics`, `/health/live`, `/health/ready`); it has no key, keep it private. */
  WORKER_HTTP_HOST: z.string().default('127.0.0.1'),
  WORKER_HTTP_PORT: port.default(3001),
  /** A worker that cannot reach Temporal this long exits with status 1, for its supervisor to restart. */
  TEMPORAL_UNREACHABLE_EXIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** OTLP/HTTP collector (e.g. `http://otel-collector:4318`): traces are exported there; unset, none are made. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /**
   * Cron (UTC) of the full segment recompute's Temporal Schedule (RFM cells, lifecycle stages, overdue,
   * saved segments); `off` creates none (the time-skipping test server has no schedules).
   */
  SEGMENT_RECOMPUTE_CRON: z.string().min(1).default(DEFAULT_SEGMENT_RECOMPUTE_CRON),
  /** Journey workflow tasks one worker runs at once (see engine/src/worker/worker-sizing.ts). */
  WORKER_WORKFLOW_TASK_SLOTS: z.coerce.number().int().min(2).max(1_000).default(8),
  /** Local activities (bookkeeping flushes, client reads) one worker runs at once. */
  WORKER_LOCAL_ACTIVITY_SLOTS: z.coerce.number().int().min(1).max(1_000).default(12),
  /**
   * Worker RSS budget in MB (`sizeWorkerForBudget`): the budget above a ~420 MB base holds cached
   * journeys at 13 MB each (6.5 MB measured cost, twice over for garbage), and the workflow thread's
   * V8 heap is capped to match. Journeys beyond the cache are replayed from history when they wake.
   */
  WORKER_MEMORY_BUDGET_MB: z.coerce.number().int().min(256).max(1_048_576).default(2_048),
  /**
   * Per channel: sends a second on its queue across the whole cluster (the provider's rate limit), and
   * sends in flight in each worker process (each holds a database connection; the pool is sized to
   * their sum). README "Operations" says which metrics tell an operator to change them.
   */
  EMAIL_SENDS_PER_SECOND: sendsPerSecond(DEFAULT_CHANNEL_LIMITS.email.sendsPerSecond),
  EMAIL_SENDS_IN_FLIGHT: sendsInFlight(DEFAULT_CHANNEL_LIMITS.email.inFlight),
  SMS_SENDS_PER_SECOND: sendsPerSecond(DEFAULT_CHANNEL_LIMITS.sms.sendsPerSecond),
  SMS_SENDS_IN_FLIGHT: sendsInFlight(DEFAULT_CHANNEL_LIMITS.sms.inFlight),
  /** For the call channel a "send" is a call task created (and pushed to CALL_CENTER_PUSH_URL if set). */
  CALL_SENDS_PER_SECOND: sendsPerSecond(DEFAULT_CHANNEL_LIMITS.call.sendsPerSecond),
  CALL_SENDS_IN_FLIGHT: sendsInFlight(DEFAULT_CHANNEL_LIMITS.call.inFlight),
  WEBHOOK_SENDS_PER_SECOND: sendsPerSecond(DEFAULT_CHANNEL_LIMITS.webhook.sendsPerSecond),
  WEBHOOK_SENDS_IN_FLIGHT: sendsInFlight(DEFAULT_CHANNEL_LIMITS.webhook.inFlight),
  /** Task intake of an external call-center system: each call task is also POSTed there, signed. */
  CALL_CENTER_PUSH_URL: z.string().url().optional(),
});
export type AppConfig = z.infer<typeof AppConfig>;

/** The variables AppConfig knows; anything else starting with these prefixes is a typo. */
export const CONFIG_VARIABLES = Object.keys(AppConfig.shape) as (keyof AppConfig)[];

/** Parses the environment, naming every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name] || undefined]));
  const parsed = AppConfig.safeParse(known);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
