import { offers, type Executor, type OfferRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The offer with this id, or undefined (a send names offers by key too: see `loadOfferVariables`). */
export async function findOffer(db: Executor, id: string): Promise<OfferRow | undefined> {
  const [row] = await db.select().from(offers).where(eq(offers.id, id));
  return row;
}
