// The product for `scripts/fuzz-api.sh`: a throwaway PostgreSQL cluster, an in-memory Temporal dev
// server, the sandboxes, the worker and the API on a free loopback port, all tethered to this process.
// Once the API listens it seeds rows for the fuzzer to aim at (seed-for-fuzz.ts), writes the
// schemathesis config naming them to the second argument, then `{ apiUrl, adminKey }` to the first
// (stdout carries the API's log: every 5xx with its cause), and stops on SIGINT/SIGTERM.
import { writeFileSync } from 'node:fs';
import { createSmsRuAdapter, createSmtpAdapter, DeliveryPolicy } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { migrateDatabase, openDatabase } from '@touchpoint/db';
import { loadConfig } from '@touchpoint/engine/main/config';
import { dbConnectionsFor } from '@touchpoint/engine/main/db-pool';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { startProduct } from '@touchpoint/engine/main/start-product';
import { startTemporalDevServer } from '@touchpoint/engine/main/temporal-dev-server';
import { startPostgresCluster } from '../harness/postgres-cluster';
import { withAdmin } from '../harness/database';
import { seedForFuzz, writeFuzzConfig, type FuzzSeeds } from './seed-for-fuzz';

const adminKey = 'tp_admin_fuzz-admin-key';
const trackingSecret = 'fuzz-tracking-secret';
const smsRuReceiptSecret = 'fuzz-smsru-receipt-secret';
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
    SMSRU_RECEIPT_SECRET: smsRuReceiptSecret,
  });
  const product = await startProduct({
    config,
    db: database.db,
    adminKey,
    trackingSecret,
    api: true,
    worker: true,
    sandbox: { mailbox, smsInbox },
    deliveryPolicy: DeliveryPolicy.parse({}),
  });
  stoppers.unshift(() => product.stop());
  const [infoFile, configFile] = process.argv.slice(2);
  if (infoFile === undefined || configFile === undefined)
    throw new Error('usage: serve-for-fuzz.ts <info-file> <schemathesis-config-file>');
  const { apiUrl } = product;
  if (apiUrl === null) throw new Error('the product started without its API');
  const target = { apiUrl, adminKey, db: database.db, trackingSecret, smsRuReceiptSecret };
  const seeds = { ...(await seedForFuzz(target)), ...(await sendSandboxSamples(mailbox, smsInbox)) };
  const document = (await (await fetch(`${apiUrl}/docs/json`)).json()) as { paths: object };
  writeFuzzConfig(configFile, Object.keys(document.paths), seeds);
  writeFileSync(infoFile, JSON.stringify({ apiUrl, adminKey }));
}

/** One mail and one SMS in the sandboxes, for `GET /v1/sandbox/{mail,sms}/{id}`. */
async function sendSandboxSamples(mailbox: SmtpSandbox, smsInbox: SmsSandbox): Promise<FuzzSeeds> {
  const email = createSmtpAdapter({
    host: mailbox.host,
    port: mailbox.port,
    ignoreTls: true,
    from: 'fuzz@touchpoint.test',
    messageIdDomain: 'touchpoint.test',
  });
  await email.send({
    channel: 'email',
    messageId: 'fuzz-mail',
    to: 'fuzz-anna@example.com',
    subject: 'Hi',
    html: '<p>Hi</p>',
    text: 'Hi',
    headers: {},
  });
  await email.close();
  const sms = createSmsRuAdapter({ apiId: 'fuzz', baseUrl: smsInbox.baseUrl });
  await sms.send({ channel: 'sms', messageId: 'fuzz-sms', to: '+79991234567', body: 'Hi' });
  return {
    sandboxMail: mailbox.listMessages().map((mail) => mail.id),
    sandboxSms: smsInbox.listMessages().map((message) => message.id),
  };
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
