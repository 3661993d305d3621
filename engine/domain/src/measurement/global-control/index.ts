export * from './count-global-control-arms';
export * from './build-global-control-report';
