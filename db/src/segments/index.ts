// Segmentation (issue 15): saved segments, RFM cells, the lifecycle grid, the smart trigger, transitions as events.
export * from './segmentation-settings';
export * from './segmentation-settings-store';
export * from './segment-rule';
export * from './segment-events';
export * from './segment-error';
export * from './classify-client';
export * from './compile-segment-rule';
export * from './fact-sql';
export { recomputeSegments } from './recompute-segments';
export type { RecomputeProgress, RecomputeSegmentsOptions } from './recompute-segments';
export { refreshClientSegments } from './refresh-client-segments';
export * from './record-purchases';
export * from './saved-segments';
export * from './estimate-segment';
export * from './list-segment-members';
export * from './export-segment-csv';
export * from './snapshot-segment-counts';
export { SEGMENTATION_EVENT_SOURCE } from './apply-segment-changes';
