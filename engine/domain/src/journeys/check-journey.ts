import type { Database } from '@touchpoint/db';
import { journeys, offers, templates } from '@touchpoint/db';
import { validateJourney } from '@touchpoint/language';
import type { ChannelKind, JourneyCatalog, JourneyProblem } from '@touchpoint/language';

/**
 * What exists outside a journey, for the validator's catalog checks: journeys, templates (and the
 * channels each has a variant for), offers and, when given, the channels this deployment sends on.
 * Event types are left unchecked on purpose: a journey may wait for an event no integration has sent yet.
 */
export async function loadJourneyCatalog(
  db: Database,
  channels?: readonly ChannelKind[],
): Promise<JourneyCatalog> {
  const [journeyRows, templateRows, offerRows] = await Promise.all([
    db.select({ id: journeys.id }).from(journeys),
    db.select({ id: templates.id, key: templates.key, channel: templates.channel }).from(templates),
    db.select({ id: offers.id, key: offers.key }).from(offers),
  ]);
  // A send names a template by key (its per-channel variants share it) or by a variant's id.
  const templateChannels: Record<string, ChannelKind[]> = {};
  for (const row of templateRows) {
    (templateChannels[row.key] ??= []).push(row.channel);
    (templateChannels[row.id] ??= []).push(row.channel);
  }
  return {
    journeyIds: journeyRows.map((row) => row.id),
    templateIds: Object.keys(templateChannels),
    templateChannels,
    offerIds: offerRows.flatMap((row) => [row.id, row.key]),
    ...(channels ? { channels } : {}),
  };
}

/**
 * Every problem that would fail or mislead a client's run of `definition` here: the language's rules
 * plus what this deployment has (templates with a variant for every channel a send may use, offers,
 * journeys, configured channels). Publish refuses a draft with any; validate lists them.
 */
export async function checkJourney(
  db: Database,
  definition: unknown,
  channels?: readonly ChannelKind[],
): Promise<JourneyProblem[]> {
  return validateJourney(definition, await loadJourneyCatalog(db, channels));
}
