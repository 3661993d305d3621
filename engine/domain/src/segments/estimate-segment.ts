import { asc, count, eq } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clientFacts } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import { compileSegmentRule } from './compile-segment-rule';
import type { SegmentRule } from './segment-rule';

/** A member as samples and pages show them. */
export interface SegmentMemberSample {
  clientId: string;
  email: string | null;
  phone: string | null;
}

/**
 * The audience a rule would have as of `asOf`, while it is being edited: how many clients match and
 * the first `sampleSize` of them (by external id). One count and one page over the compiled rule.
 */
export async function estimateSegment(
  db: Executor,
  rule: SegmentRule,
  asOf: Date,
  sampleSize: number,
): Promise<{ count: number; sample: SegmentMemberSample[] }> {
  const where = compileSegmentRule(rule, asOf);
  const [total] = await db
    .select({ count: count() })
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(where);
  const sample = await db
    .select({ clientId: clients.externalId, email: clients.email, phone: clients.phone })
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(where)
    .orderBy(asc(clients.externalId))
    .limit(sampleSize);
  return { count: total?.count ?? 0, sample };
}
