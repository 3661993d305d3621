export * from './count-uplift-arms';
export * from './build-uplift-answer';
export * from './read-uplift-counters';
export * from './recompute-client-uplift-rollups';
export * from './get-uplift-contributions-query';
export * from './answer-journey-uplift';
