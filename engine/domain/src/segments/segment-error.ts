/**
 * Why a segment request cannot be done, as stable codes the API maps to statuses:
 * - `notFound`: no segment has that id.
 * - `keyTaken`: another segment (saved or built-in) already has that key.
 * - `builtIn`: RFM cells, lifecycle stages and `overdue` are classified by the segmentation settings,
 *   not edited or deleted as rules.
 * - `unknownSegment`: the rule names a segment that does not exist, or the segment itself.
 */
export const SEGMENT_ERROR_CODES = ['notFound', 'keyTaken', 'builtIn', 'unknownSegment'] as const;
export type SegmentErrorCode = (typeof SEGMENT_ERROR_CODES)[number];

/** Thrown by the segment functions for an expected refusal; `field` names the input at fault. */
export class SegmentError extends Error {
  constructor(
    readonly code: SegmentErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'SegmentError';
  }
}
