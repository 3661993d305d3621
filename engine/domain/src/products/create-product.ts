import { products, type Executor, type NewProductRow, type ProductRow } from '@touchpoint/db';
import { failOnKeyInUse } from '../catalog/key-in-use-error';

/** Adds a product to the catalog; a `sku` another product has is a `KeyInUseError`. */
export async function createProduct(db: Executor, values: NewProductRow): Promise<ProductRow> {
  const [row] = await failOnKeyInUse('sku', () => db.insert(products).values(values).returning());
  return row!;
}
