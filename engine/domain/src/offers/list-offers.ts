import { offers, type Executor, type OfferRow } from '@touchpoint/db';
import { asc } from 'drizzle-orm';

/** Every offer, by key. */
export async function listOffers(db: Executor): Promise<OfferRow[]> {
  return db.select().from(offers).orderBy(asc(offers.key));
}
