import { eq } from 'drizzle-orm';
import { clients, type Executor } from '@touchpoint/db';
import { tagsOf } from './client-tags';

/** Attributes to set and tags to add or remove, as a journey's update step asks. */
export interface ClientAttributesChange {
  clientId: string;
  setAttributes: Record<string, unknown>;
  addTags: readonly string[];
  removeTags: readonly string[];
}

/** Applies the change under the client's row lock (tags sorted); `false` when there is no such client. */
export async function updateClientAttributes(db: Executor, change: ClientAttributesChange): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [client] = await tx.select().from(clients).where(eq(clients.id, change.clientId)).for('update');
    if (!client) return false;
    const tags = new Set(tagsOf(client.attributes));
    change.addTags.forEach((tag) => tags.add(tag));
    change.removeTags.forEach((tag) => tags.delete(tag));
    const attributes = { ...client.attributes, ...change.setAttributes, tags: [...tags].sort() };
    await tx
      .update(clients)
      .set({ attributes, updatedAt: new Date() })
      .where(eq(clients.id, change.clientId));
    return true;
  });
}
