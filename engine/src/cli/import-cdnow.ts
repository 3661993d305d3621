import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Database, Executor } from '@touchpoint/db';
import { clients, events, inArray, openDatabase, purchases } from '@touchpoint/db';
import { storePurchases, upsertClients } from '@touchpoint/domain';
import {
  computeShiftMs,
  groupByCustomer,
  parseCdnowLog,
  toCdnowExternalId,
  toPurchases,
} from './cdnow/parse-cdnow';
import type { CdnowRow } from './cdnow/parse-cdnow';
import { createProgressBar } from './progress-bar';

/** The CDNOW master log shipped with the repository (see engine/demo/cdnow/README.md). */
export const DEFAULT_CDNOW_FILE = fileURLToPath(
  new URL('../../demo/cdnow/CDNOW_master.txt.gz', import.meta.url),
);

/** Attributes every imported client carries, so segments and the demo can find them. */
export const CDNOW_CLIENT_ATTRIBUTES = { source: 'cdnow', cohort: '1997Q1' } as const;

/** Progress after each committed batch. */
export interface CdnowProgress {
  clientsDone: number;
  clientsTotal: number;
  purchasesDone: number;
  purchasesTotal: number;
}

export interface ImportCdnowOptions {
  db: Database;
  /** Path of `CDNOW_master.txt`. */
  file: string;
  /** Import only the first N customers of the log (ids 00001…N). */
  limitClients?: number;
  /**
   * Move every purchase by whole days so the log's last day (1998-06-30) falls on this day; keys keep
   * the original dates, so a later run with another `endAt` still stores nothing twice.
   */
  endAt?: Date;
  /** Customers per transaction. */
  batchClients?: number;
  /**
   * Leave the purchase events unrouted so the router's sweep delivers them to journeys. Off by default:
   * a 1997 backfill must not fire real-time purchase triggers, so its events are marked routed.
   */
  routeEvents?: boolean;
  onProgress?: (progress: CdnowProgress) => void;
}

/** What one run stored; a second run over the same slice reports zero new rows. */
export interface CdnowImportResult {
  clients: number;
  newClients: number;
  purchases: number;
  newPurchases: number;
  /** Sum of the slice's dollar values, in cents (exact). */
  totalValueCents: number;
  durationMs: number;
}

/**
 * Imports the CDNOW log as clients + purchases through the API's own ingestion functions
 * (`upsertClients`, `storePurchases`: facts refreshed, one `purchase` event per order), one transaction
 * per batch of customers. Idempotent: purchases already stored are filtered out before writing, so a
 * re-run touches no row, and an interrupted run resumes where it stopped.
 */
/** Reads the log, gzipped (the copy shipped in engine/demo) or plain. */
export async function readCdnowFile(file: string): Promise<string> {
  const bytes = await readFile(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

export async function importCdnow(options: ImportCdnowOptions): Promise<CdnowImportResult> {
  const started = Date.now();
  const rows = parseCdnowLog(await readCdnowFile(options.file));
  const shiftMs = options.endAt === undefined ? 0 : computeShiftMs(rows, options.endAt);
  const byCustomer = groupByCustomer(rows);
  const customers = [...byCustomer.entries()].slice(0, options.limitClients ?? byCustomer.size);
  const batchSize = options.batchClients ?? 500;
  const progress: CdnowProgress = {
    clientsDone: 0,
    clientsTotal: customers.length,
    purchasesDone: 0,
    purchasesTotal: customers.reduce((n, [, rows]) => n + rows.length, 0),
  };
  const result: CdnowImportResult = {
    clients: customers.length,
    newClients: 0,
    purchases: progress.purchasesTotal,
    newPurchases: 0,
    totalValueCents: 0,
    durationMs: 0,
  };
  for (let start = 0; start < customers.length; start += batchSize) {
    const batch = customers.slice(start, start + batchSize);
    const stored = await options.db.transaction((tx) =>
      importBatch(tx, batch, { routeEvents: options.routeEvents ?? false, shiftMs }),
    );
    result.newClients += stored.newClients;
    result.newPurchases += stored.newPurchases;
    progress.clientsDone += batch.length;
    progress.purchasesDone += batch.reduce((n, [, rows]) => n + rows.length, 0);
    options.onProgress?.({ ...progress });
  }
  result.totalValueCents = customers
    .flatMap(([, rows]) => rows)
    .reduce((sum, row) => sum + Math.round(row.dollarValue * 100), 0);
  result.durationMs = Date.now() - started;
  return result;
}

async function importBatch(
  tx: Executor,
  batch: ReadonlyArray<[string, CdnowRow[]]>,
  { routeEvents, shiftMs }: { routeEvents: boolean; shiftMs: number },
): Promise<{ newClients: number; newPurchases: number }> {
  const externalIds = batch.map(([id]) => toCdnowExternalId(id));
  const known = await tx
    .select({ externalId: clients.externalId })
    .from(clients)
    .where(inArray(clients.externalId, externalIds));
  const knownIds = new Set(known.map((row) => row.externalId));
  const missing = externalIds.filter((id) => !knownIds.has(id));
  await upsertClients(
    tx,
    missing.map((externalId) => ({ externalId, attributes: { ...CDNOW_CLIENT_ATTRIBUTES } })),
  );
  const all = batch.flatMap(([, rows]) => toPurchases(rows, shiftMs));
  const stored = await tx
    .select({ key: purchases.idempotencyKey })
    .from(purchases)
    .where(
      inArray(
        purchases.idempotencyKey,
        all.map((p) => p.idempotencyKey),
      ),
    );
  const storedKeys = new Set(stored.map((row) => row.key));
  const fresh = all.filter((p) => !storedKeys.has(p.idempotencyKey));
  const outcomes = await storePurchases(tx, fresh);
  const newEventIds = outcomes.filter((o) => o.isNew).map((o) => o.eventId);
  if (!routeEvents && newEventIds.length > 0) {
    await tx.update(events).set({ routedAt: new Date() }).where(inArray(events.id, newEventIds));
  }
  return { newClients: missing.length, newPurchases: fresh.length };
}

const USAGE = `usage: import-cdnow [--file PATH] [--limit-clients N] [--end-at YYYY-MM-DD] [--route-events]
Imports the CDNOW purchase log into the database in DATABASE_URL (clients + purchases, idempotent).`;

async function runCli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: DEFAULT_CDNOW_FILE },
      'limit-clients': { type: 'string' },
      'route-events': { type: 'boolean', default: false },
      'end-at': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const limit = values['limit-clients'];
  const limitClients = limit === undefined ? undefined : Number(limit);
  if (limitClients !== undefined && (!Number.isInteger(limitClients) || limitClients < 1)) {
    throw new Error(`--limit-clients: expected a positive integer, got "${limit}"`);
  }
  const endAt = values['end-at'] === undefined ? undefined : new Date(`${values['end-at']}T00:00:00Z`);
  if (endAt !== undefined && Number.isNaN(endAt.getTime())) {
    throw new Error(`--end-at: expected YYYY-MM-DD, got "${values['end-at']}"`);
  }
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '') throw new Error('DATABASE_URL is not set');
  const database = openDatabase(url);
  const bar = createProgressBar(process.stderr, 'cdnow');
  try {
    const result = await importCdnow({
      db: database.db,
      file: values.file,
      routeEvents: values['route-events'],
      ...(limitClients === undefined ? {} : { limitClients }),
      ...(endAt === undefined ? {} : { endAt }),
      onProgress: (p) => bar.update(p.clientsDone, p.clientsTotal, `${p.purchasesDone} purchases`),
    });
    bar.finish();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await runCli();
  } catch (error) {
    process.stderr.write(`import-cdnow: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 1;
  }
}
