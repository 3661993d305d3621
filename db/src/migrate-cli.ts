import { migrateDatabase } from './migrate';
import { openDatabase } from './open-database';

// `npm run db:migrate`: applies committed migrations to the database in DATABASE_URL.
const url = process.env['DATABASE_URL'];
if (url === undefined || url === '') {
  process.stderr.write('DATABASE_URL is not set; nothing to migrate.\n');
  process.exit(2);
}
const { db, close } = openDatabase(url);
try {
  await migrateDatabase(db);
  process.stderr.write('migrations applied\n');
} finally {
  await close();
}
