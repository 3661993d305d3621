export * from './assign-to-experiment';
export * from './assign-enrollment-group';
export * from './compute-client-stratum';
export * from './load-experiment-settings';
export * from './is-held-out-of-hand-over';
export * from './save-global-control-share';
