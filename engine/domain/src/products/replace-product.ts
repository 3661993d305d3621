import { products, type Executor, type NewProductRow, type ProductRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { failOnKeyInUse } from '../catalog/key-in-use-error';

/**
 * Replaces a product's fields: undefined when no product has the id (then no key can clash), a
 * `KeyInUseError` when the `sku` is another product's.
 */
export async function replaceProduct(
  db: Executor,
  id: string,
  values: NewProductRow,
): Promise<ProductRow | undefined> {
  const [row] = await failOnKeyInUse('sku', () =>
    db
      .update(products)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(products.id, id))
      .returning(),
  );
  return row;
}
