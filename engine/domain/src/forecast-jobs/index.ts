// Forecast jobs: durable rows any API process reads, run under the lease of the process that started them.
export * from './forecast-job-lease';
export * from './create-forecast-job';
export * from './record-forecast-progress';
export * from './finish-forecast-job';
export * from './find-forecast-job';
