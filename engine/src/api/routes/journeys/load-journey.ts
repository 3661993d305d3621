import type { Executor, JourneyRow } from '@touchpoint/db';
import { eq, journeys, offers, templates } from '@touchpoint/db';
import type { JourneyCatalog } from '../../../language';
import { ApiError } from '../../api-error';

/** The journey or a 404 naming the id. */
export async function loadJourney(db: Executor, id: string): Promise<JourneyRow> {
  const [row] = await db.select().from(journeys).where(eq(journeys.id, id));
  if (row === undefined) throw new ApiError('not_found', `params.id: no journey "${id}"`);
  return row;
}

/**
 * What exists outside a journey, for the validator's "unknown template / offer / journey" checks.
 * Event types are left unchecked on purpose: a journey may wait for an event no integration has sent yet.
 */
export async function loadCatalog(db: Executor): Promise<JourneyCatalog> {
  const [journeyRows, templateRows, offerRows] = await Promise.all([
    db.select({ id: journeys.id }).from(journeys),
    db.select({ id: templates.id, key: templates.key }).from(templates),
    db.select({ id: offers.id, key: offers.key }).from(offers),
  ]);
  return {
    journeyIds: journeyRows.map((row) => row.id),
    templateIds: [...new Set(templateRows.flatMap((row) => [row.id, row.key]))],
    offerIds: offerRows.flatMap((row) => [row.id, row.key]),
  };
}
