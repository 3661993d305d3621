import { clients, messages, type Executor, type MessageRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The outbox row a tracking link names and its client's external id: the one read a hit needs. */
export interface TrackedMessage {
  message: MessageRow;
  clientExternalId: string;
}

/** Finds the message a tracking token names by its outbox key (tokens carry it); null when none. */
export async function findTrackedMessage(db: Executor, outboxKey: string): Promise<TrackedMessage | null> {
  const [row] = await db
    .select({ message: messages, clientExternalId: clients.externalId })
    .from(messages)
    .innerJoin(clients, eq(clients.id, messages.clientId))
    .where(eq(messages.idempotencyKey, outboxKey));
  return row ?? null;
}
