export * from './schema';
export type { Database, Executor, OpenDatabase, Schema } from './database';
export { openDatabase, openPgliteDatabase } from './open-database';
export type { OpenDatabaseOptions } from './open-database';
export { migrateDatabase, migrateDatabaseExclusively, MIGRATIONS_FOLDER } from './migrate';
export * from './orm';
export * from './exclusive-lease';
