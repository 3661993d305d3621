import { defineConfig } from 'drizzle-kit';

// Paths are relative to the repo root because the root `db:generate` script runs drizzle-kit from there.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/src/schema/index.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
