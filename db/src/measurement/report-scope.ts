import { z } from 'zod';

/**
 * Which message claims an action when several qualify (docs/metrics.md, "Attribution"):
 * - `last` (default): the latest qualifying message (last touch);
 * - `first`: the earliest qualifying message;
 * - `every`: each qualifying message claims it (an action then counts once per message).
 */
export const ATTRIBUTION_MODES = ['last', 'first', 'every'] as const;
export const AttributionMode = z.enum(ATTRIBUTION_MODES);
export type AttributionMode = z.infer<typeof AttributionMode>;

/**
 * The communications a report is about: the messages of one journey (optionally one version, one drawn
 * node) handed to a provider in `[from, to)`. Actions count whenever they happened, as long as one of
 * these messages claims them.
 */
export interface ReportScope {
  journeyId: string;
  version?: number | undefined;
  nodeId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  attribution: AttributionMode;
}
