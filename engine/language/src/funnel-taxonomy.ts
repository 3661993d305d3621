import { z } from 'zod';

/** A label a person reads, in both languages the builder speaks. */
export const FunnelActionLabels = z
  .strictObject({
    en: z.string().trim().min(1).max(80).describe('the action’s name in English'),
    ru: z.string().trim().min(1).max(80).describe('the action’s name in Russian'),
  })
  .describe('the action’s name as people read it, in English and Russian');

/**
 * One funnel action of the taxonomy: its name, EN + RU labels, the measurement window in which a
 * message can claim it, and the client event types that produce it (call outcomes are `call.<outcome>`).
 */
export const FunnelActionRule = z.strictObject({
  action: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9_-]{0,39}$/, 'a short name: a lower-case letter, then letters, digits, _ or -')
    .describe('the action’s stable name (`open`, `booking`…): reports key their levels by it'),
  labels: FunnelActionLabels,
  windowDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .describe('measurement window in days: a message sent at most this long before the action may claim it'),
  eventTypes: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(50)
    .describe('client event types that produce the action (`email.opened`, `call.reached`, `deal.closed`…)'),
});
export type FunnelActionRule = z.infer<typeof FunnelActionRule>;

/**
 * The whole taxonomy, shallowest action first: order is depth (a client's deepest action is the one
 * latest in this list). Action names are unique and an event type produces at most one action, so
 * every stored event has one meaning.
 */
export const FunnelTaxonomy = z
  .array(FunnelActionRule)
  .min(1)
  .max(20)
  .superRefine((rules, ctx) => {
    const actions = new Set<string>();
    const eventTypes = new Map<string, string>();
    rules.forEach((rule, index) => {
      if (actions.has(rule.action)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'action'],
          message: `action "${rule.action}" is listed twice`,
        });
      }
      actions.add(rule.action);
      rule.eventTypes.forEach((type, typeIndex) => {
        const owner = eventTypes.get(type);
        if (owner !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'eventTypes', typeIndex],
            message: `event type "${type}" already produces "${owner}"`,
          });
        }
        eventTypes.set(type, rule.action);
      });
    });
  });
export type FunnelTaxonomy = z.infer<typeof FunnelTaxonomy>;

/**
 * The default funnel taxonomy (seed 000), seeded into `funnel_taxonomies` as version 1 and used by
 * write-time recording: open < click < call < meeting < booking < deal. Windows are seed 000's (5 days
 * for communication actions, 7 for calls, 14 for meetings and bookings); a deal's is the business's to
 * set, 30 days until it does. Call outcomes arrive as `call.<outcome>` (`noAnswer` produces nothing).
 */
export const DEFAULT_FUNNEL_TAXONOMY: FunnelTaxonomy = [
  { action: 'open', labels: { en: 'Open', ru: 'Открытие' }, windowDays: 5, eventTypes: ['email.opened'] },
  {
    action: 'click',
    labels: { en: 'Click', ru: 'Клик' },
    windowDays: 5,
    eventTypes: ['email.clicked', 'sms.clicked'],
  },
  {
    action: 'call',
    labels: { en: 'Call', ru: 'Звонок' },
    windowDays: 7,
    eventTypes: ['call.reached', 'call.callBack', 'call.refused'],
  },
  {
    action: 'meeting',
    labels: { en: 'Meeting', ru: 'Встреча' },
    windowDays: 14,
    eventTypes: ['call.meetingBooked', 'meeting.booked'],
  },
  {
    action: 'booking',
    labels: { en: 'Booking', ru: 'Бронь' },
    windowDays: 14,
    eventTypes: ['call.booking', 'booking.completed'],
  },
  { action: 'deal', labels: { en: 'Deal', ru: 'Сделка' }, windowDays: 30, eventTypes: ['deal.closed'] },
];

/** The rule whose action `eventType` produces, or null when it is no funnel step. */
export function funnelRuleForEvent(
  eventType: string,
  taxonomy: readonly FunnelActionRule[] = DEFAULT_FUNNEL_TAXONOMY,
): FunnelActionRule | null {
  return taxonomy.find((rule) => rule.eventTypes.includes(eventType)) ?? null;
}
