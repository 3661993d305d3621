import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { segmentationSettings } from '@touchpoint/db';
import { DEFAULT_SEGMENTATION_SETTINGS, RfmCutPointSet, SegmentationSettings } from './segmentation-settings';
import { z } from 'zod';

const SETTINGS_ROW = 1;

/** Cut points as stored: the set, and the recompute time they were taken for. */
export const StoredRfmCutPoints = RfmCutPointSet.extend({ asOf: z.iso.datetime({ offset: true }) });
export type StoredRfmCutPoints = z.infer<typeof StoredRfmCutPoints>;

/** The business's settings (defaults until saved once) and the last recompute's RFM cut points. */
export async function loadSegmentationSettings(
  db: Executor,
): Promise<{ settings: SegmentationSettings; cutPoints: StoredRfmCutPoints | null }> {
  const [row] = await db.select().from(segmentationSettings).where(eq(segmentationSettings.id, SETTINGS_ROW));
  return parseSegmentationSettingsRow(row);
}

/** The settings row's meaning: defaults until saved once, cut points only when they parse. */
export function parseSegmentationSettingsRow(row: { settings: unknown; rfmCutPoints: unknown } | undefined): {
  settings: SegmentationSettings;
  cutPoints: StoredRfmCutPoints | null;
} {
  if (!row) return { settings: DEFAULT_SEGMENTATION_SETTINGS, cutPoints: null };
  const cutPoints = StoredRfmCutPoints.safeParse(row.rfmCutPoints);
  return {
    settings: SegmentationSettings.parse(row.settings),
    cutPoints: cutPoints.success ? cutPoints.data : null,
  };
}

/** The one row the settings live in. */
export const SEGMENTATION_SETTINGS_ROW = SETTINGS_ROW;

/** Saves the settings; the stored cut points are dropped, so the next classification takes new ones. */
export async function saveSegmentationSettings(db: Executor, settings: SegmentationSettings): Promise<void> {
  await db
    .insert(segmentationSettings)
    .values({ id: SETTINGS_ROW, settings, rfmCutPoints: null })
    .onConflictDoUpdate({
      target: segmentationSettings.id,
      set: { settings, rfmCutPoints: null, updatedAt: sql`now()` },
    });
}

/** Keeps the cut points a recompute classified with (the settings row is created with defaults if absent). */
export async function saveRfmCutPoints(db: Executor, cutPoints: StoredRfmCutPoints): Promise<void> {
  await db
    .insert(segmentationSettings)
    .values({ id: SETTINGS_ROW, settings: DEFAULT_SEGMENTATION_SETTINGS, rfmCutPoints: cutPoints })
    .onConflictDoUpdate({
      target: segmentationSettings.id,
      set: { rfmCutPoints: cutPoints, updatedAt: sql`now()` },
    });
}
