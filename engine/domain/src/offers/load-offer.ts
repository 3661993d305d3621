import { offers, type Executor, type OfferRow } from '@touchpoint/db';
import { eq, or } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a send names: `offerId` (the offer's key, or its id) and the node's params beside it. */
export type OfferReference = Record<string, unknown> & { offerId?: unknown };

/** Thrown when a send or a preview names an offer the catalog does not hold. */
export class OfferNotFoundError extends Error {
  constructor(readonly offerId: string) {
    super(`no offer "${offerId}"`);
    this.name = 'OfferNotFoundError';
  }
}

/**
 * What Liquid sees as `offer`: the stored offer (attributes, id, key, name, kind, value, product,
 * validity as ISO strings, so `| date` works and a preview shows the same text as a send), then the
 * node's params on top (a ladder rung's bigger percent wins over the stored default). `offerId` is
 * always the key, whether the journey named the offer by key or by id.
 */
export function toOfferVariables(row: OfferRow, reference: OfferReference): Record<string, unknown> {
  const { attributes, id, key, name, kind, value, productSku, validFrom, validUntil } = row;
  const { offerId: _named, ...params } = reference;
  return {
    ...attributes,
    id,
    key,
    name,
    kind,
    value,
    productSku,
    validFrom: validFrom?.toISOString() ?? null,
    validUntil: validUntil?.toISOString() ?? null,
    ...params,
    offerId: key,
  };
}

/**
 * The `offer` variables of a message, loaded the same way for a real send and for the template
 * preview, so both render the same text. Without a reference there is no offer (`{}`).
 */
export async function loadOfferVariables(
  db: Executor,
  reference: OfferReference | undefined,
): Promise<Record<string, unknown>> {
  if (reference?.offerId === undefined) return reference ?? {};
  const offerId = String(reference.offerId);
  const match = UUID.test(offerId)
    ? or(eq(offers.key, offerId), eq(offers.id, offerId))
    : eq(offers.key, offerId);
  const [row] = await db.select().from(offers).where(match);
  if (row === undefined) throw new OfferNotFoundError(offerId);
  return toOfferVariables(row, reference);
}
