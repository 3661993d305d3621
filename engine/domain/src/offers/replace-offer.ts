import { offers, type Executor, type NewOfferRow, type OfferRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { failOnKeyInUse } from '../catalog/key-in-use-error';

/**
 * Replaces an offer's fields: undefined when no offer has the id (then no key can clash), a
 * `KeyInUseError` when the `key` is another offer's.
 */
export async function replaceOffer(
  db: Executor,
  id: string,
  values: NewOfferRow,
): Promise<OfferRow | undefined> {
  const [row] = await failOnKeyInUse('key', () =>
    db
      .update(offers)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(offers.id, id))
      .returning(),
  );
  return row;
}
