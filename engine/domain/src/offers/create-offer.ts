import { offers, type Executor, type NewOfferRow, type OfferRow } from '@touchpoint/db';
import { failOnKeyInUse } from '../catalog/key-in-use-error';

/** Adds an offer sends can carry; a `key` another offer has is a `KeyInUseError`. */
export async function createOffer(db: Executor, values: NewOfferRow): Promise<OfferRow> {
  const [row] = await failOnKeyInUse('key', () => db.insert(offers).values(values).returning());
  return row!;
}
