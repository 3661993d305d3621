import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { toStoredFunnelTaxonomy } from '../measurement/load-funnel-taxonomy';
import type { StoredFunnelTaxonomy } from '../measurement/load-funnel-taxonomy';
import { funnelTaxonomies } from '@touchpoint/db';
import { segmentationSettings, segments } from '@touchpoint/db';
import { computeRfmCutPoints } from './compute-rfm-cut-points';
import type { SegmentFamily } from './segment-events';
import { SegmentRule } from './segment-rule';
import type { RfmCutPointSet, SegmentationSettings } from './segmentation-settings';
import {
  parseSegmentationSettingsRow,
  saveRfmCutPoints,
  SEGMENTATION_SETTINGS_ROW,
} from './segmentation-settings-store';
import type { StoredRfmCutPoints } from './segmentation-settings-store';

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
  /** The taxonomy the transition events' funnel actions are recorded by (loaded once per pass). */
  funnelTaxonomy: StoredFunnelTaxonomy;
}

/** The rows a pass reads, as one statement answers them. */
interface ContextRows {
  settings: { settings: unknown; rfmCutPoints: unknown } | null;
  segments: { id: string; key: string; kind: string; rule: unknown }[];
  taxonomy: { version: number; actions: unknown; createdAt: string | null } | null;
}

/**
 * Settings, segments and the current funnel taxonomy in one round trip: a purchase's update reads
 * them on every purchase, and three queries were three waits on a loaded database.
 */
async function readContextRows(db: Executor): Promise<ContextRows> {
  const result = await db.execute(sql`
    select
      (select json_build_object('settings', settings, 'rfmCutPoints', rfm_cut_points)
        from ${segmentationSettings} where id = ${SEGMENTATION_SETTINGS_ROW}) as settings,
      (select coalesce(json_agg(json_build_object('id', id, 'key', key, 'kind', kind, 'rule', rule)
        order by key), '[]') from ${segments}) as segments,
      (select json_build_object('version', version, 'actions', actions, 'createdAt', created_at)
        from ${funnelTaxonomies} order by version desc limit 1) as taxonomy`);
  return (result as unknown as { rows: ContextRows[] }).rows[0]!;
}

/** What a pass reads before its RFM cut points are settled. */
export type SegmentationSources = Omit<SegmentationContext, 'cutPoints'> & {
  storedCutPoints: StoredRfmCutPoints | null;
};

/** Settings, segments, the funnel taxonomy and the kept cut points, in one round trip. */
export async function readSegmentationSources(db: Executor): Promise<SegmentationSources> {
  const rows = await readContextRows(db);
  const { settings, cutPoints } = parseSegmentationSettingsRow(rows.settings ?? undefined);
  const taxonomy = rows.taxonomy
    ? { ...rows.taxonomy, createdAt: rows.taxonomy.createdAt ? new Date(rows.taxonomy.createdAt) : null }
    : undefined;
  const all = rows.segments.map((row) => ({
    id: row.id,
    key: row.key,
    family: row.kind as SegmentFamily,
    rule: row.rule,
  }));
  return {
    settings,
    storedCutPoints: cutPoints,
    builtInByKey: new Map(all.filter((s) => s.family !== 'rule').map((s) => [s.key, s])),
    byId: new Map(all.map((s) => [s.id, s])),
    ruleSegments: all
      .filter((s) => s.family === 'rule')
      .map((s) => ({ ...s, rule: SegmentRule.parse(s.rule) })),
    funnelTaxonomy: toStoredFunnelTaxonomy(taxonomy)!,
  };
}

/**
 * Settles the RFM cut points. A full recompute passes `takeCutPoints`: terciles are taken from the
 * base as of `asOf` and kept (unless the kept ones are for this very `asOf`, a rerun of the same
 * recompute, which must classify as the first attempt did). A purchase's update classifies against the
 * kept ones, taking them (from the base with its purchase stored) only if none were ever kept.
 */
export async function settleCutPoints(
  db: Executor,
  sources: SegmentationSources,
  asOf: Date,
  { takeCutPoints }: { takeCutPoints: boolean },
): Promise<SegmentationContext> {
  const { storedCutPoints: stored, ...rest } = sources;
  const isReusable = stored !== null && (!takeCutPoints || stored.asOf === asOf.toISOString());
  let cutPoints: RfmCutPointSet;
  if (isReusable) cutPoints = stored;
  else {
    cutPoints = await computeRfmCutPoints(db, sources.settings.rfm, asOf);
    await saveRfmCutPoints(db, { ...cutPoints, asOf: asOf.toISOString() });
  }
  return { ...rest, cutPoints };
}

/** Everything one classification pass needs (see `settleCutPoints` for the cut points). */
export async function loadSegmentationContext(
  db: Executor,
  asOf: Date,
  options: { takeCutPoints: boolean },
): Promise<SegmentationContext> {
  return settleCutPoints(db, await readSegmentationSources(db), asOf, options);
}
