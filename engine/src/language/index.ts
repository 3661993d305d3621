// The journey language: pure (zod only), shared by the builder, the API and the interpreter workflow.
export * from './node-kinds';
export * from './duration';
export * from './filters';
export * from './checkpoint';
export * from './conditions';
export * from './nodes';
export * from './definition';
export * from './ports';
export * from './problems';
export * from './validate';
export * from './compile';
export * from './random-split';
export * from './time-of-day';
export * from './smart-trigger';
export { parseDefinition } from './parse-definition';
export type { ParsedDefinition } from './parse-definition';
export * from './examples';
export * from './plan-migration';
