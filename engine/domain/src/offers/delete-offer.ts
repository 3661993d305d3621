import { offers, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** Removes an offer; false when no offer has the id. Journeys naming it fail their next publish check. */
export async function deleteOffer(db: Executor, id: string): Promise<boolean> {
  const deleted = await db.delete(offers).where(eq(offers.id, id)).returning({ id: offers.id });
  return deleted.length > 0;
}
