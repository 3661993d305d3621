export * from './call-task-contract';
export * from './call-tasks';
