import type { AttributionMode } from '@touchpoint/language';

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
