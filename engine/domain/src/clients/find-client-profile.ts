import { clientFacts, clients, type ClientFactsRow, type ClientRow, type Executor } from '@touchpoint/db';
import { isClientOverdue } from '../client-facts/smart-trigger';
import { eq } from 'drizzle-orm';

/** A client's row with their purchase facts (null before the first purchase) and whether they are overdue. */
export type ClientProfile = ClientRow & { facts: (ClientFactsRow & { isOverdue: boolean }) | null };

/**
 * The profile of the client the CRM knows by this id, or undefined. Overdue is judged now, by the one
 * rule (`isClientOverdue`), so the profile agrees with the `overdue` segment of a search.
 */
export async function findClientProfile(
  db: Executor,
  externalId: string,
): Promise<ClientProfile | undefined> {
  const [row] = await db
    .select()
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(eq(clients.externalId, externalId));
  if (row === undefined) return undefined;
  const { client_facts: facts, clients: client } = row;
  return {
    ...client,
    facts: facts === null ? null : { ...facts, isOverdue: isClientOverdue(facts, new Date()) },
  };
}
