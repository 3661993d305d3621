/**
 * One funnel action of the taxonomy: its name, the measurement window in which a message can claim it
 * (seed 000's defaults), and the client event types that produce it.
 */
export interface FunnelActionRule {
  action: string;
  windowDays: number;
  eventTypes: readonly string[];
}

/**
 * The default funnel taxonomy, shallowest action first (open < click < call < meeting < booking <
 * deal): the one home of "which events produce which action". Windows are seed 000's (5 days for
 * communication actions, 7 for calls, 14 for meetings and bookings); a deal's is the business's to
 * set, 30 days until it does. Call outcomes arrive as `call.<outcome>` (`noAnswer` produces nothing).
 */
export const DEFAULT_FUNNEL_TAXONOMY: readonly FunnelActionRule[] = [
  { action: 'open', windowDays: 5, eventTypes: ['email.opened'] },
  { action: 'click', windowDays: 5, eventTypes: ['email.clicked', 'sms.clicked'] },
  { action: 'call', windowDays: 7, eventTypes: ['call.reached', 'call.callBack', 'call.refused'] },
  { action: 'meeting', windowDays: 14, eventTypes: ['call.meetingBooked', 'meeting.booked'] },
  { action: 'booking', windowDays: 14, eventTypes: ['call.booking', 'booking.completed'] },
  { action: 'deal', windowDays: 30, eventTypes: ['deal.closed'] },
];

/** The rule whose action `eventType` produces, or null when it is no funnel step. */
export function funnelRuleForEvent(
  eventType: string,
  taxonomy: readonly FunnelActionRule[] = DEFAULT_FUNNEL_TAXONOMY,
): FunnelActionRule | null {
  return taxonomy.find((rule) => rule.eventTypes.includes(eventType)) ?? null;
}
