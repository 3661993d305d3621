// The product for `scripts/fuzz-api.sh`: a throwaway PostgreSQL cluster, an in-memory Temporal dev
// server, the sandboxes, the worker and the API on a free loopback port, all tethered to this process.
// Writes `{ apiUrl, adminKey }` to the file named by its argument once the API listens (stdout carries
// the API's log: every 5xx with its cause), and stops on SIGINT/SIGTERM.
import { writeFileSync } from 'node:fs';
import { DeliveryPolicy } from '@touchpoint/channels';
import { startSmsSandbox, startSmtpSandbox } from '@touchpoint/channels/sandbox';
import { migrateDatabase, openDatabase } from '@touchpoint/db';
import { loadConfig } from '@touchpoint/engine/main/config';
import { dbConnectionsFor } from '@touchpoint/engine/main/db-pool';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { startProduct } from '@touchpoint/engine/main/start-product';
import { startTemporalDevServer } from '@touchpoint/engine/main/temporal-dev-server';
import { startPostgresCluster } from '../harness/postgres-cluster';
import { withAdmin } from '../harness/database';

const adminKey = 'tp_admin_fuzz-admin-key';
const stoppers: (() => Promise<void>)[] = [];

async function main(): Promise<void> {
  const [postgres, temporal, mailbox, smsInbox] = await Promise.all([
    startPostgresCluster(),
    startTemporalDevServer(),
    startSmtpSandbox(),
    startSmsSandbox({ receipts: false }),
  ]);
  stoppers.push(postgres.stop, temporal.stop, mailbox.stop, smsInbox.stop);
  await withAdmin(postgres.adminUrl, (client) => client.query('CREATE DATABASE fuzz'));
  const database = openDatabase(postgres.urlFor('fuzz'), {
    maxConnections: dbConnectionsFor({ api: true, worker: true }),
  });
  stoppers.unshift(() => database.close());
  await migrateDatabase(database.db);
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...process.env,
    DATABASE_URL: postgres.urlFor('fuzz'),
    TEMPORAL_ADDRESS: temporal.address,
    API_PORT: String(await findFreePort()),
    SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    SMTP_API_URL: mailbox.apiUrl,
    SMS_API_URL: smsInbox.baseUrl,
  });
  const product = await startProduct({
    config,
    db: database.db,
    adminKey,
    trackingSecret: 'fuzz-tracking-secret',
    api: true,
    worker: true,
    sandbox: { mailbox, smsInbox },
    deliveryPolicy: DeliveryPolicy.parse({}),
  });
  stoppers.unshift(() => product.stop());
  const infoFile = process.argv[2];
  if (infoFile === undefined) throw new Error('usage: serve-for-fuzz.ts <info-file>');
  writeFileSync(infoFile, JSON.stringify({ apiUrl: product.apiUrl, adminKey }));
}

async function stopAll(): Promise<void> {
  for (const stop of stoppers.splice(0)) await stop().catch(() => undefined);
  process.exit(0);
}

process.once('SIGINT', () => void stopAll());
process.once('SIGTERM', () => void stopAll());
main().catch(async (error: unknown) => {
  process.stderr.write(`fuzz server failed: ${String(error)}\n`);
  await stopAll();
});
