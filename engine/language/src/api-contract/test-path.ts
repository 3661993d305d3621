import { z } from 'zod';
import { offsetTextToMs } from '../simulation/offset-text';
import { ChannelKind, MessageStatus, TestPathOutcome } from '../vocabulary';

/**
 * `POST /v1/journeys/:id/test-path`: one client's run of a journey on a simulated clock, with the
 * channels captured. The request scripts what the client does and when; the answer is the path the
 * real workflow took.
 */

const MAX_SCRIPTED_EVENTS = 200;

/** An offset on the simulated timeline (`+2d`, `+36h`, `+1w2d`). */
export const TimelineOffset = z
  .string()
  .max(40)
  .refine((text) => (offsetTextToMs(text) ?? -1) >= 0, {
    message: 'an offset from the start, like +2d, +36h or +1w2d (units m, h, d, w)',
  })
  .describe('when, counted from the start of the run: `+2d`, `+36h`, `+1w2d` (units m, h, d, w)');

/** A moment of a made-up client's history: an offset (may be negative) or an ISO 8601 time. */
export const FactMoment = z
  .string()
  .max(40)
  .refine((text) => offsetTextToMs(text) !== null || !Number.isNaN(Date.parse(text)), {
    message: 'an offset from the start (`+60d`, `-10d`) or an ISO 8601 time',
  })
  .describe('an offset from the start of the run (`+60d`, `-10d`) or an ISO 8601 time');

/** One thing the client does on the timeline. */
export const ScriptedEvent = z
  .object({
    at: TimelineOffset,
    type: z
      .string()
      .min(1)
      .max(200)
      .describe(
        'the event type as an integration would send it (`purchase`, `email.opened`, `call.booking`)',
      ),
    properties: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('the event\'s properties (`{ "total": 120 }`)'),
    step: z
      .string()
      .max(200)
      .optional()
      .describe(
        'the step whose latest message the event answers (an open of that email, the outcome of that call): ' +
          'its node id on the canvas',
      ),
  })
  .describe('one event the client produces at a moment of the run');
export type ScriptedEvent = z.infer<typeof ScriptedEvent>;

/** A client that exists only for this run. */
export const MadeUpClient = z
  .object({
    email: z
      .string()
      .max(320)
      .nullable()
      .default('test@example.com')
      .describe('the email address, or null for none'),
    phone: z
      .string()
      .max(40)
      .nullable()
      .default('+10000000000')
      .describe('the phone number, or null for none'),
    timeZone: z
      .string()
      .max(64)
      .nullable()
      .default(null)
      .describe('IANA time zone (`Europe/Moscow`); null: the journey fallback'),
    locale: z.string().max(16).nullable().default(null).describe('locale for templates (`ru`)'),
    attributes: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('CRM attributes (`firstName`, `tier`…)'),
    consent: z
      .partialRecord(ChannelKind, z.enum(['granted', 'denied']).describe('consent on that channel'))
      .default({ email: 'granted', sms: 'granted', call: 'granted', webhook: 'granted' })
      .describe('consent per channel; a channel left out has none'),
    facts: z
      .object({
        expectedNextPurchaseAt: FactMoment.optional().describe(
          'when the next purchase is expected (the checkpoint)',
        ),
        lastPurchaseAt: FactMoment.optional().describe('when the client last bought'),
        purchaseCount: z.number().int().min(0).max(1_000_000).optional().describe('purchases so far'),
        meanIntervalDays: z.number().min(0).max(36_500).optional().describe('mean days between purchases'),
      })
      .default({})
      .describe('purchase facts (seed 004): when the next purchase is expected, how many so far'),
  })
  .describe('a made-up client, for this run only');
export type MadeUpClient = z.infer<typeof MadeUpClient>;

export const TestPathRequest = z
  .object({
    version: z
      .union([z.literal('draft'), z.number().int().min(1).max(2_147_483_647)])
      .default('draft')
      .describe('`draft` (what the editor holds) or a published version number'),
    clientId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("a real client's external id: their attributes, facts, consent, time zone and recent sends"),
    client: MadeUpClient.optional().describe('a made-up client (when no `clientId` is given)'),
    entryEvent: z
      .object({
        type: z.string().min(1).max(200).describe('the event type that enters the journey'),
        properties: z.record(z.string(), z.unknown()).default({}).describe("the entry event's properties"),
      })
      .optional()
      .describe(
        'for journeys entered on an event: the event that enrolls the client at +0 (default: a manual entry)',
      ),
    events: z
      .array(ScriptedEvent)
      .max(MAX_SCRIPTED_EVENTS)
      .default([])
      .describe(`what the client does, at most ${MAX_SCRIPTED_EVENTS} events`),
    horizon: TimelineOffset.default('+400d').describe(
      'how long the simulated clock runs from the start (default +400d, at most +1100d)',
    ),
  })
  .refine((body) => !(body.clientId && body.client), {
    message: 'give either clientId or client, not both',
    path: ['client'],
  })
  .refine((body) => (offsetTextToMs(body.horizon) ?? 0) <= 1100 * 86_400_000, {
    message: 'the horizon is at most +1100d',
    path: ['horizon'],
  })
  .superRefine((body, context) => {
    const horizonMs = offsetTextToMs(body.horizon) ?? 0;
    body.events.forEach((event, index) => {
      if ((offsetTextToMs(event.at) ?? 0) > horizonMs)
        context.addIssue({
          code: 'custom',
          path: ['events', index, 'at'],
          message: `after the horizon ${body.horizon}`,
        });
    });
  })
  .describe('who runs the journey, what they do and when');
export type TestPathRequest = z.infer<typeof TestPathRequest>;

/** The message a step handed to a (captured) channel, as rendered for this client. */
export const TestPathMessage = z
  .object({
    channel: ChannelKind.describe('the channel it went out on'),
    status: MessageStatus.describe('its outbox status (`sent`, `deferred`, `skipped`, …)'),
    to: z.string().nullable().describe('the address it was for'),
    subject: z.string().nullable().describe('the subject (email)'),
    text: z.string().nullable().describe('the text as rendered (the SMS, the call script, the email text)'),
    html: z.string().nullable().describe('the email HTML as rendered'),
    notes: z
      .array(z.string().describe('one entry'))
      .describe('the status timeline: deferrals and skips with reasons'),
  })
  .describe('a message as the channel would have received it');
export type TestPathMessage = z.infer<typeof TestPathMessage>;

export const TestPathStep = z
  .object({
    nodeId: z.string().describe('the step of the compiled plan (`ladder/remind/send`)'),
    drawnNodeId: z.string().describe('the node on the canvas it belongs to (`ladder`)'),
    name: z.string().describe("the step's name as the marketer sees it"),
    at: z.string().describe('simulated time the client arrived (ISO 8601)'),
    day: z.number().describe('days since the start of the run'),
    leftAt: z.string().nullable().describe('simulated time the client left (null: still there)'),
    outcome: z.string().nullable().describe('the port it left by (`sent`, `converted`, `yes`, …)'),
    skipReason: z.string().nullable().describe('why the step did nothing, when it did nothing'),
    messages: z.array(TestPathMessage).describe('what the step sent'),
  })
  .describe('one arrival of the client at a step');
export type TestPathStep = z.infer<typeof TestPathStep>;

export const TestPathEventResult = z
  .object({
    type: z.string().describe('the event type'),
    at: z.string().describe('simulated time it happened'),
    day: z.number().describe('days since the start'),
    delivered: z.boolean().describe('whether the journey was told (it waits for events of this type)'),
    note: z.string().nullable().describe('why it was not delivered, or which message it answered'),
  })
  .describe('one scripted event and what became of it');

export const TestPathResult = z
  .object({
    journeyId: z.string().describe("the journey's id"),
    version: z.union([z.literal('draft'), z.number().int()]).describe('what ran'),
    startedAt: z.string().describe('simulated start of the run'),
    endedAt: z.string().describe('simulated time the run ended, or the horizon'),
    outcome: TestPathOutcome.describe('converted, exited, failed, or still waiting at the horizon'),
    reason: z.string().nullable().describe("the run's exit reason (`converted`, `notConverted`, …)"),
    waitingAt: z.string().nullable().describe('with `waiting`: the step the client waits on'),
    steps: z.array(TestPathStep).describe('every arrival at a step, in order'),
    events: z.array(TestPathEventResult).describe('the scripted events, in order'),
    callTasks: z.number().int().describe('call-center tasks the run created'),
    elapsedMs: z.number().int().describe('wall-clock time the simulation took'),
  })
  .describe('the path one client took through the journey on the simulated clock');
export type TestPathResult = z.infer<typeof TestPathResult>;
