import { and, eq } from 'drizzle-orm';
import { JourneyHoldout, JOURNEY_PURPOSES } from '@touchpoint/language';
import type { JourneyPurpose } from '@touchpoint/language';
import { z } from 'zod';
import type { Executor } from '@touchpoint/db';
import { globalControlSettings } from '@touchpoint/db';
import { journeyVersions } from '@touchpoint/db';

/** What one journey version says about control groups. */
export interface VersionExperimentSettings {
  holdout: JourneyHoldout | null;
  purpose: JourneyPurpose;
}

const SettingsPart = z.object({
  settings: z
    .object({ holdout: JourneyHoldout.optional(), purpose: z.enum(JOURNEY_PURPOSES).optional() })
    .optional(),
});

// Versions never change, so what one says is kept for the process's life (bounded: oldest dropped).
const cache = new Map<string, VersionExperimentSettings>();
const CACHE_LIMIT = 2000;

/** The holdout and purpose of a published version (none when the version is not found). */
export async function loadExperimentSettings(
  db: Executor,
  journeyId: string,
  version: number,
): Promise<VersionExperimentSettings> {
  const key = `${journeyId}/${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [row] = await db
    .select({ definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.number, version)));
  if (!row) return { holdout: null, purpose: 'promotional' };
  const parsed = SettingsPart.safeParse(row.definition);
  // Publishing validated the definition; a row that no longer parses runs without a holdout.
  const settings: VersionExperimentSettings = {
    holdout: parsed.success ? (parsed.data.settings?.holdout ?? null) : null,
    purpose: parsed.success ? (parsed.data.settings?.purpose ?? 'promotional') : 'promotional',
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, settings);
  return settings;
}

/** The global control group's share (0 when never set). */
export async function loadGlobalControlShare(
  db: Executor,
): Promise<{ share: number; startedAt: Date | null }> {
  const [row] = await db
    .select({ share: globalControlSettings.share, startedAt: globalControlSettings.startedAt })
    .from(globalControlSettings)
    .where(eq(globalControlSettings.id, 1));
  return row ?? { share: 0, startedAt: null };
}

/**
 * How long a process trusts the global share it read. A change of the share (rare: it restarts the
 * global report's measurement) reaches every process within this time; until then a process assigns
 * new clients with the share it read. Assignments already stored never change either way.
 */
export const GLOBAL_SHARE_CACHE_MS = 30_000;

let cachedGlobalShare: { share: number; readAt: number } | null = null;

/**
 * The global control share for the enrollment hot path: read at most once per
 * {@link GLOBAL_SHARE_CACHE_MS} per process instead of once per enrollment. Whatever writes the share
 * calls {@link forgetGlobalControlShare}, so its own process sees the new share at once.
 */
export async function readGlobalControlShare(
  db: Executor,
  now: number = Date.now(),
): Promise<{ share: number }> {
  if (cachedGlobalShare && now - cachedGlobalShare.readAt < GLOBAL_SHARE_CACHE_MS)
    return { share: cachedGlobalShare.share };
  const { share } = await loadGlobalControlShare(db);
  cachedGlobalShare = { share, readAt: now };
  return { share };
}

/** Drops the cached global share: the next enrollment reads it again. */
export function forgetGlobalControlShare(): void {
  cachedGlobalShare = null;
}
