import nodemailer from 'nodemailer';
import { createSendActivities } from '@touchpoint/activities/send/index';
import { createSmtpAdapter, DeliveryPolicy } from '@touchpoint/channels';
import { startSmtpSandbox, type SmtpSandbox } from '@touchpoint/channels/sandbox';
import {
  clients,
  migrateDatabase,
  openDatabase,
  openPgliteDatabase,
  type OpenDatabase,
} from '@touchpoint/db';
import { seedTemplates, TEMPLATE_KEY } from '../channels/send-fixtures';

/** Knobs of the send benchmark. */
export interface SendBenchmarkOptions {
  /** Messages per measured run. */
  messages?: number;
  /** Sends in flight at once (the activity worker's concurrency, the raw loop's too). */
  concurrency?: number;
  /** A migrated Postgres database to use; an in-memory PGlite database when absent. */
  databaseUrl?: string;
}

/** Throughput of the full send path against a raw nodemailer loop to the same SMTP server. */
export interface SendBenchmarkResult {
  messages: number;
  concurrency: number;
  database: 'postgres' | 'pglite';
  /** Raw nodemailer pooled transport, pre-rendered message, no database. */
  rawSendsPerSecond: number;
  /** `sendMessage`: outbox insert, policy (consent, caps, quiet hours), Liquid + MJML render, SMTP, status update. */
  endToEndSendsPerSecond: number;
  /** endToEnd / raw: the share of raw SMTP throughput the full path keeps. */
  ratio: number;
}

async function runPool(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function measureRaw(smtp: SmtpSandbox, count: number, concurrency: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    ignoreTLS: true,
    pool: true,
    maxConnections: 10,
  });
  try {
    const html = '<p>We miss you</p>'.repeat(40);
    return await runPool(count, concurrency, (i) =>
      transport.sendMail({
        from: 'news@touchpoint.test',
        to: `raw-${i}@example.com`,
        subject: 'Raw',
        html,
        text: 'We miss you',
      }),
    );
  } finally {
    transport.close();
  }
}

async function openBenchDatabase(url: string | undefined): Promise<OpenDatabase> {
  if (url) return openDatabase(url, { maxConnections: 20 });
  const opened = await openPgliteDatabase('memory://');
  await migrateDatabase(opened.db);
  return opened;
}

/** Runs both loops against one loopback SMTP server in the same process and returns the numbers. */
export async function runSendBenchmark(options: SendBenchmarkOptions = {}): Promise<SendBenchmarkResult> {
  const count = options.messages ?? 1000;
  const concurrency = options.concurrency ?? 50;
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const smtp = await startSmtpSandbox();
  const { db, close } = await openBenchDatabase(databaseUrl);
  const email = createSmtpAdapter({
    host: smtp.host,
    port: smtp.port,
    ignoreTls: true,
    from: 'news@touchpoint.test',
    messageIdDomain: 'touchpoint.test',
    maxConnections: 10,
  });
  try {
    await seedTemplates(db, TEMPLATE_KEY);
    const tag = Math.random().toString(36).slice(2, 8);
    const consent = { email: { status: 'granted' as const, updatedAt: '2025-01-01T00:00:00Z' } };
    const rows = Array.from({ length: count }, (_, i) => ({
      externalId: `bench-${tag}-${i}`,
      email: `bench-${tag}-${i}@example.com`,
      consent,
    }));
    const ids = (await db.insert(clients).values(rows).returning({ id: clients.id })).map((row) => row.id);
    const policy = DeliveryPolicy.parse({ overallCaps: [{ max: 3, windowHours: 168 }] });
    const { sendMessage } = createSendActivities({
      db,
      adapters: { email },
      policy,
      tracking: { baseUrl: 'https://touchpoint.test', secret: 'bench' },
    });
    const rawSendsPerSecond = await measureRaw(smtp, count, concurrency);
    const endToEndSendsPerSecond = await runPool(count, concurrency, (i) =>
      sendMessage({
        idempotencyKey: `bench-${tag}:${i}:send`,
        nodeId: 'send',
        clientId: ids[i]!,
        channels: ['email'],
        templateId: TEMPLATE_KEY,
        offer: { discount: 10 },
        quietHours: 'skip',
      }),
    );
    if (smtp.listMessages().length !== 2 * count)
      throw new Error(
        `send bench: expected ${2 * count} messages at the SMTP server, got ${smtp.listMessages().length}`,
      );
    return {
      messages: count,
      concurrency,
      database: databaseUrl ? 'postgres' : 'pglite',
      rawSendsPerSecond: Math.round(rawSendsPerSecond),
      endToEndSendsPerSecond: Math.round(endToEndSendsPerSecond),
      ratio: Number((endToEndSendsPerSecond / rawSendsPerSecond).toFixed(3)),
    };
  } finally {
    await email.close();
    await smtp.stop();
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSendBenchmark().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
