import type { PolicyClient } from '@touchpoint/channels';
import { clients, messages, type ClientRow, type Executor } from '@touchpoint/db';
import { CHANNEL_KINDS, type ChannelKind } from '@touchpoint/language';
import { and, eq, sql } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client by internal id or, failing that, by CRM external id. */
export async function findClient(db: Executor, clientId: string): Promise<ClientRow | undefined> {
  const [row] = await db
    .select()
    .from(clients)
    .where(UUID.test(clientId) ? eq(clients.id, clientId) : eq(clients.externalId, clientId));
  return row;
}

/** The address a channel delivers to; calls and webhooks use the phone / have none of their own. */
export function contactPointOf(client: ClientRow, channel: ChannelKind): string | null {
  switch (channel) {
    case 'email':
      return client.email;
    case 'sms':
    case 'call':
      return client.phone;
    case 'webhook':
      return client.externalId;
    default: {
      const unhandled: never = channel;
      throw new Error(`unknown channel ${String(unhandled)}`);
    }
  }
}

/**
 * Channels whose *current* address bounced before. The flag is derived from the outbox (a
 * `bounced` row to the same address) rather than stored, so it clears by itself when the CRM
 * sends a new address.
 */
export async function findFlaggedChannels(db: Executor, client: ClientRow): Promise<ChannelKind[]> {
  const rows = await db
    .selectDistinct({ channel: messages.channel, to: sql<string>`${messages.content}->>'to'` })
    .from(messages)
    .where(and(eq(messages.clientId, client.id), eq(messages.status, 'bounced')));
  return rows
    .filter((row) => row.to !== null && row.to === contactPointOf(client, row.channel))
    .map((row) => row.channel);
}

/** The client as the delivery policy sees it. */
export async function loadPolicyClient(db: Executor, client: ClientRow): Promise<PolicyClient> {
  return {
    timeZone: client.timeZone,
    consent: client.consent,
    contactPoints: Object.fromEntries(
      CHANNEL_KINDS.map((channel) => [channel, contactPointOf(client, channel)]),
    ),
    flaggedChannels: await findFlaggedChannels(db, client),
  };
}
