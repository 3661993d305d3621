import { products, type Executor, type ProductRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The product with this id, or undefined. */
export async function findProduct(db: Executor, id: string): Promise<ProductRow | undefined> {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row;
}
