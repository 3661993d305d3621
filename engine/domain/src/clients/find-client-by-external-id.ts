import { clients, type ClientRow, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The client the CRM knows by this id, or undefined (never looked up by Touchpoint's own id). */
export async function findClientByExternalId(
  db: Executor,
  externalId: string,
): Promise<ClientRow | undefined> {
  const [row] = await db.select().from(clients).where(eq(clients.externalId, externalId));
  return row;
}
