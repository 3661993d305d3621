// Uplift statistics: pure functions the API, the builder's planner and the simulation test share.
export * from './normal';
export * from './student-t';
export * from './estimate';
export * from './stratified-proportions';
export * from './stratified-means';
export * from './bootstrap-means';
export * from './seeded-random';
export * from './stratum-key';
export * from './merge-small-strata';
export * from './plan-holdout';
export * from './decide-holdout';
