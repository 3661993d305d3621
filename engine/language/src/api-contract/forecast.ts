import { z } from 'zod';
import { ChannelKind } from '../vocabulary';

/**
 * `POST /v1/journeys/:id/forecast`: a journey run over an audience on a simulated clock (one
 * time-skipping world for all of them), channels captured. The request says who, for how long and
 * how the clients behave; the answer is a job whose result holds the volumes a marketer plans with.
 */

/** Most clients one forecast runs: a simulated world holds them all at once. */
export const MAX_FORECAST_CLIENTS = 2_000;
/** Longest simulated horizon, in days. */
export const MAX_FORECAST_DAYS = 400;

export const ForecastAudience = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('segment').describe("a segment's members"),
      segmentId: z.uuid().describe("the segment's id: its members at the start"),
    }),
    z.object({
      kind: z.literal('clients').describe('the clients listed'),
      clientIds: z
        .array(z.string().min(1).max(200))
        .min(1)
        .max(MAX_FORECAST_CLIENTS)
        .describe(`CRM ids of the clients, at most ${MAX_FORECAST_CLIENTS}`),
    }),
    z.object({ kind: z.literal('all').describe('every client') }),
  ])
  .describe(`who runs the journey (at most ${MAX_FORECAST_CLIENTS} clients)`);
export type ForecastAudience = z.infer<typeof ForecastAudience>;

const Probability = z.number().min(0).max(1);

export const ForecastBehaviour = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z
        .literal('history')
        .describe("replay each client's real purchases after the start, moved onto the simulated clock"),
    }),
    z.object({
      kind: z.literal('rates').describe('draw opens, clicks and purchases with the given probabilities'),
      open: Probability.default(0.2).describe('chance an email is opened'),
      click: Probability.default(0.1).describe('chance an opened email or an SMS is clicked'),
      purchase: Probability.default(0.05).describe('chance a click is followed by a purchase'),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .default(1)
        .describe('the random seed: the same seed gives the same forecast'),
    }),
  ])
  .describe("how the clients behave: their own history, or the marketer's rates");
export type ForecastBehaviour = z.infer<typeof ForecastBehaviour>;

const ForecastVersion = z
  .union([z.literal('draft'), z.number().int().min(1).max(2_147_483_647)])
  .describe('`draft` or a published version number');

export const ForecastRequest = z
  .object({
    version: ForecastVersion.default('draft'),
    compareWith: ForecastVersion.optional().describe(
      'a second version forecast over the same audience, shown side by side (a dry run of a change)',
    ),
    audience: ForecastAudience,
    horizonDays: z
      .number()
      .int()
      .min(1)
      .max(MAX_FORECAST_DAYS)
      .default(90)
      .describe(`simulated days, at most ${MAX_FORECAST_DAYS}`),
    startAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe(
        "the real moment the forecast starts from: clients' history up to it is what they bring, " +
          '(with `history`) their purchases after it are replayed (default: now)',
      ),
    behaviour: ForecastBehaviour.default({ kind: 'history' }),
    callCapacityPerDay: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .optional()
      .describe('call-center tasks the operators can work per day (drawn against the forecast)'),
  })
  .refine((body) => body.compareWith === undefined || body.compareWith !== body.version, {
    message: 'compare with another version than the one forecast',
    path: ['compareWith'],
  })
  .describe('what to forecast, over whom, for how long');
export type ForecastRequest = z.infer<typeof ForecastRequest>;

export const ForecastStep = z
  .object({
    name: z.string().describe("the step's name as the marketer sees it"),
    entered: z.number().int().describe('arrivals at the step (each loop counts)'),
    sent: z.number().int().describe('messages the step handed to a (captured) channel'),
    converted: z.number().int().describe('enrollments that visited the step and then met the goal'),
  })
  .describe('one step of the compiled plan over the horizon');
export type ForecastStep = z.infer<typeof ForecastStep>;

export const ForecastDay = z
  .object({
    day: z.number().int().describe('simulated day, 0 the start'),
    sends: z.partialRecord(ChannelKind, z.number().int()).describe('messages sent that day, by channel'),
    callTasks: z.number().int().describe('call-center tasks due that day'),
    conversions: z.number().int().describe('enrollments that met the goal that day'),
  })
  .describe('one simulated day');
export type ForecastDay = z.infer<typeof ForecastDay>;

export const ForecastResult = z
  .object({
    journeyId: z.string().describe("the journey's id"),
    version: z.union([z.literal('draft'), z.number().int()]).describe('what ran'),
    clients: z.number().int().describe('clients in the audience'),
    horizonDays: z.number().int().describe('simulated days'),
    enrolled: z.number().int().describe('enrollments'),
    converted: z.number().int().describe('enrollments that met the goal'),
    failed: z
      .array(
        z
          .object({
            reason: z.string().describe('why, as a failed enrollment says it (`TemplateRenderFailed: …`)'),
            enrollments: z.number().int().describe('enrollments that failed for this reason'),
          })
          .describe('runs that failed for one reason'),
      )
      .describe('runs that failed for good, by reason, most first; empty when none did'),
    steps: z.record(z.string(), ForecastStep).describe('by compiled step (`ladder/remind/send`)'),
    nodes: z.record(z.string(), z.number().int()).describe('arrivals by drawn node id (the canvas)'),
    days: z.array(ForecastDay).describe('day by day, from day 0 to the horizon'),
    elapsedMs: z.number().int().describe('wall-clock time the simulation took'),
  })
  .describe("one version's forecast");
export type ForecastResult = z.infer<typeof ForecastResult>;

export const FORECAST_JOB_STATUSES = ['running', 'completed', 'failed'] as const;

export const ForecastJob = z
  .object({
    id: z.string().describe("the job's id"),
    journeyId: z.string().describe("the journey's id"),
    status: z.enum(FORECAST_JOB_STATUSES).describe('where the job is'),
    progress: z
      .object({
        done: z.number().int().describe('client-days simulated so far'),
        total: z.number().int().describe('client-days to simulate (clients × days × versions)'),
      })
      .describe('how far the simulation got'),
    callCapacityPerDay: z.number().int().nullable().describe('the capacity the marketer entered'),
    results: z
      .array(ForecastResult)
      .describe('when completed: the version, then the one it is compared with'),
    error: z.string().nullable().describe('why the job failed; null unless it did'),
  })
  .describe('a forecast and its progress');
export type ForecastJob = z.infer<typeof ForecastJob>;
