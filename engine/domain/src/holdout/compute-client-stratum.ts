import { eq } from 'drizzle-orm';
import { factBucketLabel, stratumFactorName, stratumKeyOf } from '@touchpoint/language';
import type { HoldoutStratum } from '@touchpoint/language';
import type { Executor } from '@touchpoint/db';
import { clientFacts } from '@touchpoint/db';
import { clients } from '@touchpoint/db';

/**
 * The stratum key of a client at this moment (`rfmCell=R1F1M1|region=EU`), from their attributes and
 * facts. Read once, when the client is first assigned in an experiment: the stored assignment keeps it.
 */
export async function computeClientStratum(
  db: Executor,
  clientId: string,
  strata: readonly HoldoutStratum[],
): Promise<string> {
  if (strata.length === 0) return '';
  const [row] = await db
    .select({
      attributes: clients.attributes,
      rfmCell: clientFacts.rfmCell,
      lifecycleStage: clientFacts.lifecycleStage,
      purchaseCount: clientFacts.purchaseCount,
      totalValue: clientFacts.totalValue,
      averageValue: clientFacts.averageValue,
    })
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(eq(clients.id, clientId));
  return stratumKeyOf(
    strata.map((stratum) => ({ name: stratumFactorName(stratum), value: valueOf(stratum, row) })),
  );
}

type StratumSourceRow = {
  attributes: Record<string, unknown>;
  rfmCell: string | null;
  lifecycleStage: string | null;
  purchaseCount: number | null;
  totalValue: number | null;
  averageValue: number | null;
};

function valueOf(stratum: HoldoutStratum, row: StratumSourceRow | undefined): string | null {
  if (!row) return null;
  switch (stratum.kind) {
    case 'attribute': {
      const value = row.attributes[stratum.name];
      return value === undefined || value === null ? null : String(value);
    }
    case 'segmentFamily':
      return row[stratum.family];
    case 'factBucket':
      // A client without facts has bought nothing: count and total are 0, the average unknown.
      return factBucketLabel(
        stratum.bounds,
        row[stratum.fact] ?? (stratum.fact === 'averageValue' ? null : 0),
      );
    default: {
      const unhandled: never = stratum;
      throw new Error(`Unknown stratum ${JSON.stringify(unhandled)}`);
    }
  }
}
