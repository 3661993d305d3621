export * from './schema';
export type { Database, Executor, OpenDatabase, Schema } from './database';
export { openDatabase, openPgliteDatabase } from './open-database';
export type { OpenDatabaseOptions } from './open-database';
export { migrateDatabase, MIGRATIONS_FOLDER } from './migrate';
