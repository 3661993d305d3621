// The workflow bundle's entry: every workflow type the journey worker registers.
export { journeyWorkflow } from './journey-workflow';
export { audienceEntryWorkflow } from './audience-entry-workflow';
export { emptyWorkflow } from './empty-workflow';
export { segmentRecomputeWorkflow } from './segment-recompute-workflow';
