import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '@touchpoint/db';
import { startPostgresCluster } from './postgres-cluster';
import { startTemporalDevServer } from '@touchpoint/engine/main/temporal-dev-server';
import { bundleJourneyWorkflows } from '@touchpoint/engine/worker/bundle-journey-workflows';
import { buildBuilderInto } from '../builder/built-builder';
import { SHARED_DATABASE, TEMPLATE_DATABASE, withAdmin } from './database';

/**
 * Starts the real servers the suite runs against, once per `vitest run`: a throwaway PostgreSQL
 * cluster (with a migrated template database that every test file clones) and a Temporal dev server.
 * Both stop at teardown, and by themselves if this process dies. It also bundles the journey
 * workflows once (`WORKFLOW_BUNDLE_DIR`): a worker started from source would otherwise run webpack
 * over them, 5-6 s of CPU, in each of the fifty-odd files that start one. The builder is built once
 * too (`TOUCHPOINT_BUILDER_DIST`), for the browser files to serve.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  const bundleDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-workflows-'));
  const builderDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-builder-'));
  const [postgres, temporal] = await Promise.all([
    startPostgresCluster(),
    startTemporalDevServer(),
    bundleJourneyWorkflows(bundleDir),
    buildBuilderInto(builderDir),
  ]);
  await createMigratedTemplate(postgres.adminUrl, postgres.urlFor(TEMPLATE_DATABASE));

  // Test files run in forked children, which inherit this environment.
  process.env.TOUCHPOINT_PG_ADMIN_URL = postgres.adminUrl;
  process.env.DATABASE_URL = postgres.urlFor(SHARED_DATABASE);
  process.env.TEMPORAL_ADDRESS = temporal.address;
  process.env.WORKFLOW_BUNDLE_DIR = bundleDir;
  process.env.TOUCHPOINT_BUILDER_DIST = builderDir;

  return async () => {
    await Promise.all([temporal.stop(), postgres.stop()]);
    for (const dir of [bundleDir, builderDir]) rmSync(dir, { recursive: true, force: true });
  };
}

async function createMigratedTemplate(adminUrl: string, templateUrl: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`));
  const template = openDatabase(templateUrl);
  try {
    await migrateDatabase(template.db);
  } finally {
    await template.close();
  }
  // Cloning needs the template idle, so code that reads DATABASE_URL gets a copy of its own.
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${SHARED_DATABASE} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
}
