export * from './create-activities';
export * from './journey';
export * from './send';
export * from './call-center';
export * from './segments/create-segment-activities';
