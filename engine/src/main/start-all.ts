// `npm start`: the whole product on one machine — Temporal dev server with its Web UI, the database
// (embedded PGlite unless DATABASE_URL is set), sandbox SMTP and SMS servers that keep what they
// receive, the worker, the API with the builder, and demo data. Ctrl-C stops it all; state is kept in
// .data/ so the next start resumes where this one stopped.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startSmsSandbox, startSmtpSandbox } from '@touchpoint/channels/sandbox';
import { migrateDatabase, openDatabase, openPgliteDatabase, type OpenDatabase } from '@touchpoint/db';
import { loadConfig, type AppConfig } from './config';
import { receiptUrl } from './channel-adapters';
import { channelLimitsFrom } from './channel-limits';
import { dbConnectionsFor } from './db-pool';
import { seedDemoData } from './demo-data';
import { dataDir } from './paths';
import { assertPortFree } from './ports';
import { loadOrCreateLocalSecrets } from './secrets';
import { startProduct } from './start-product';
import { startTemporalDevServer } from './temporal-dev-server';

const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const SANDBOX_SMTP_PORT = 2525;

const step = (message: string) => process.stderr.write(`[start] ${message}\n`);
const stoppers: (() => Promise<void>)[] = [];

async function main(): Promise<void> {
  const env = { ...process.env };
  const secrets = loadOrCreateLocalSecrets(dataDir);
  let temporalUiUrl: string | null = null;
  if (!env.TEMPORAL_ADDRESS) {
    step('starting the Temporal dev server (state in .data/temporal.sqlite)');
    await assertPortFree(TEMPORAL_PORT, 'the Temporal dev server');
    const temporal = await startTemporalDevServer({
      port: TEMPORAL_PORT,
      uiPort: TEMPORAL_UI_PORT,
      dbFile: path.join(dataDir, 'temporal.sqlite'),
    });
    stoppers.push(() => temporal.stop());
    env.TEMPORAL_ADDRESS = temporal.address;
    temporalUiUrl = temporal.uiUrl;
  }

  const sandbox = await startSandboxes(env);
  // The terminal is the product's welcome screen here: it shows warnings and 5xx causes, not a line per
  // request (set LOG_LEVEL=info for those). Separate API processes keep `info` by default.
  env.LOG_LEVEL ??= 'warn';
  const config = loadConfig(env);
  const database = await openConfiguredDatabase(config);
  stoppers.push(() => database.close());
  await migrateDatabase(database.db);

  step('starting the worker and the API');
  const product = await startProduct({
    config,
    db: database.db,
    adminKey: config.TOUCHPOINT_ADMIN_KEY ?? secrets.adminKey,
    trackingSecret: config.TRACKING_SECRET ?? secrets.trackingSecret,
    api: true,
    worker: true,
    ...(sandbox ? { sandbox } : {}),
  });
  stoppers.push(() => product.stop());

  const adminKey = config.TOUCHPOINT_ADMIN_KEY ?? secrets.adminKey;
  if (product.app) await seedDemoData({ db: database.db, app: product.app, adminKey, progress: step });
  printUrls(
    product.apiUrl ?? '',
    temporalUiUrl ?? config.TEMPORAL_UI_URL,
    config.TOUCHPOINT_ADMIN_KEY ?? secrets.adminKey,
  );
}

/** Sandbox SMTP and SMS servers, unless the environment names real ones. */
async function startSandboxes(env: NodeJS.ProcessEnv) {
  if (env.SMTP_URL && env.SMS_API_URL) return undefined;
  if (env.SMTP_URL || env.SMS_API_URL) throw new Error('set both SMTP_URL and SMS_API_URL, or neither');
  step(`starting the sandbox SMTP server (127.0.0.1:${SANDBOX_SMTP_PORT}) and SMS provider`);
  await assertPortFree(SANDBOX_SMTP_PORT, 'the sandbox SMTP server');
  const mailbox = await startSmtpSandbox({ port: SANDBOX_SMTP_PORT, directory: path.join(dataDir, 'mail') });
  // Receipts are authenticated even in the demo: the sandbox signs Twilio's with the token the adapter
  // sends it, and posts SMS.ru's (an account setting) to the secret URL. Made up per start unless set.
  env.TWILIO_AUTH_TOKEN ||= randomBytes(18).toString('base64url');
  env.SMSRU_RECEIPT_SECRET ||= randomBytes(18).toString('base64url');
  const smsInbox = await startSmsSandbox({
    smsRuCallbackUrl: receiptUrl(loadConfig(env).PUBLIC_URL, 'smsru', env.SMSRU_RECEIPT_SECRET),
  });
  stoppers.push(
    () => mailbox.stop(),
    () => smsInbox.stop(),
  );
  env.SMTP_URL = `smtp://127.0.0.1:${mailbox.port}`;
  env.SMTP_API_URL = mailbox.apiUrl;
  env.SMS_API_URL = smsInbox.baseUrl;
  return { mailbox, smsInbox };
}

async function openConfiguredDatabase(config: AppConfig): Promise<OpenDatabase> {
  if (config.DATABASE_URL) {
    step(`using PostgreSQL at ${new URL(config.DATABASE_URL).host}`);
    return openDatabase(config.DATABASE_URL, {
      maxConnections: dbConnectionsFor({ api: true, worker: true }, channelLimitsFrom(config)),
    });
  }
  step('using the embedded PGlite database in .data/pglite');
  return openPgliteDatabase(path.join(dataDir, 'pglite'));
}

function printUrls(apiUrl: string, temporalUiUrl: string, adminKey: string): void {
  const lines = [
    '',
    'Touchpoint is running:',
    `  builder      ${apiUrl}/#/?key=${encodeURIComponent(adminKey)}   (signs you in)`,
    `  API docs     ${apiUrl}/docs`,
    `  Temporal UI  ${temporalUiUrl}`,
    `  admin key    ${adminKey}   (Authorization: Bearer …)`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

async function stopAll(): Promise<void> {
  for (const stop of stoppers.reverse()) {
    await stop().catch((error: unknown) => step(`while stopping: ${String(error)}`));
  }
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    step('stopping…');
    void stopAll().then(() => process.exit(0));
  });
}

main().catch(async (error: unknown) => {
  step(error instanceof Error ? error.message : String(error));
  await stopAll();
  process.exit(1);
});
