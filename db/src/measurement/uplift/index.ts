export * from './count-uplift-arms';
export * from './build-uplift-answer';
