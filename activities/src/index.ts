export * from './create-activities';
export * from './journey';
export * from './send';
export * from './activity-failures';
export * from './segments/create-segment-activities';
