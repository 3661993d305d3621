import { products, type Executor, type ProductRow } from '@touchpoint/db';
import { asc } from 'drizzle-orm';

/** Every product of the catalog, by sku. */
export async function listProducts(db: Executor): Promise<ProductRow[]> {
  return db.select().from(products).orderBy(asc(products.sku));
}
