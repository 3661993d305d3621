import {
  and,
  asc,
  clients,
  eq,
  inArray,
  segmentMemberships,
  segments,
  type ClientRow,
  type Database,
} from '@touchpoint/db';
import { MAX_FORECAST_CLIENTS, type ForecastAudience } from '@touchpoint/language/api-contract';
import { SimulationInputError } from '../simulation-input-error';

function tooMany(found: number): SimulationInputError {
  return new SimulationInputError(
    'validation_failed',
    'body.audience',
    `${found > MAX_FORECAST_CLIENTS ? `more than ${MAX_FORECAST_CLIENTS}` : found} clients; ` +
      `a forecast runs at most ${MAX_FORECAST_CLIENTS} (pick a smaller segment or list the clients)`,
  );
}

/**
 * The audience's client rows from the real database, in a stable order (so a seeded forecast draws the
 * same numbers for the same clients). Reads one row past the bound to say the audience is too big
 * without loading all of it.
 */
export async function resolveForecastAudience(
  real: Database,
  audience: ForecastAudience,
): Promise<ClientRow[]> {
  const limit = MAX_FORECAST_CLIENTS + 1;
  let rows: ClientRow[];
  if (audience.kind === 'clients') {
    const wanted = [...new Set(audience.clientIds)];
    rows = await real.select().from(clients).where(inArray(clients.externalId, wanted));
    const known = new Set(rows.map((row) => row.externalId));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new SimulationInputError(
        'not_found',
        'body.audience.clientIds',
        `no client ${unknown
          .slice(0, 5)
          .map((id) => `"${id}"`)
          .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
      );
  } else if (audience.kind === 'segment') {
    const [segment] = await real
      .select({ id: segments.id })
      .from(segments)
      .where(eq(segments.id, audience.segmentId));
    if (!segment)
      throw new SimulationInputError(
        'not_found',
        'body.audience.segmentId',
        `no segment "${audience.segmentId}"`,
      );
    const members = await real
      .select({ client: clients })
      .from(segmentMemberships)
      .innerJoin(clients, eq(clients.id, segmentMemberships.clientId))
      .where(and(eq(segmentMemberships.segmentId, segment.id), eq(segmentMemberships.isMember, true)))
      .orderBy(asc(clients.externalId))
      .limit(limit);
    rows = members.map((member) => member.client);
  } else {
    rows = await real.select().from(clients).orderBy(asc(clients.externalId)).limit(limit);
  }
  if (rows.length > MAX_FORECAST_CLIENTS) throw tooMany(rows.length);
  if (rows.length === 0)
    throw new SimulationInputError('validation_failed', 'body.audience', 'no clients in it');
  return rows.sort((a, b) => a.externalId.localeCompare(b.externalId));
}
