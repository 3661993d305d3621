import { asc } from 'drizzle-orm';
import type { Executor } from '../database';
import { segments } from '../schema/segments';
import { computeRfmCutPoints } from './compute-rfm-cut-points';
import type { SegmentFamily } from './segment-events';
import { SegmentRule } from './segment-rule';
import type { RfmCutPointSet, SegmentationSettings } from './segmentation-settings';
import { loadSegmentationSettings, saveRfmCutPoints } from './segmentation-settings-store';

/** A segment as classification sees it. */
export interface ClassifiedSegment {
  id: string;
  key: string;
  family: SegmentFamily;
}

/** Everything one classification pass needs, loaded once per pass. */
export interface SegmentationContext {
  settings: SegmentationSettings;
  cutPoints: RfmCutPointSet;
  /** Built-in segments by key (27 cells, the stages, `overdue`). */
  builtInByKey: Map<string, ClassifiedSegment>;
  byId: Map<string, ClassifiedSegment>;
  ruleSegments: (ClassifiedSegment & { rule: SegmentRule })[];
}

/**
 * Loads settings, segments and RFM cut points. A full recompute passes `takeCutPoints`: terciles are
 * taken from the base as of `asOf` and kept (unless the kept ones are for this very `asOf`, a rerun of
 * the same recompute, which must classify as the first attempt did). A purchase's update classifies
 * against the kept ones, taking them only if none were ever kept.
 */
export async function loadSegmentationContext(
  db: Executor,
  asOf: Date,
  { takeCutPoints }: { takeCutPoints: boolean },
): Promise<SegmentationContext> {
  const { settings, cutPoints: stored } = await loadSegmentationSettings(db);
  const isReusable = stored !== null && (!takeCutPoints || stored.asOf === asOf.toISOString());
  let cutPoints: RfmCutPointSet;
  if (isReusable) cutPoints = stored;
  else {
    cutPoints = await computeRfmCutPoints(db, settings.rfm, asOf);
    await saveRfmCutPoints(db, { ...cutPoints, asOf: asOf.toISOString() });
  }
  const rows = await db.select().from(segments).orderBy(asc(segments.key));
  const all = rows.map((row) => ({
    id: row.id,
    key: row.key,
    family: row.kind as SegmentFamily,
    rule: row.rule,
  }));
  return {
    settings,
    cutPoints,
    builtInByKey: new Map(all.filter((s) => s.family !== 'rule').map((s) => [s.key, s])),
    byId: new Map(all.map((s) => [s.id, s])),
    ruleSegments: all
      .filter((s) => s.family === 'rule')
      .map((s) => ({ ...s, rule: SegmentRule.parse(s.rule) })),
  };
}
