import { products, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** Removes a product from the catalog; false when no product has the id. */
export async function deleteProduct(db: Executor, id: string): Promise<boolean> {
  const deleted = await db.delete(products).where(eq(products.id, id)).returning({ id: products.id });
  return deleted.length > 0;
}
