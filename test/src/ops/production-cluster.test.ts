import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { and, clients, enrollments, eq, events, openDatabase, type OpenDatabase } from '@touchpoint/db';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAdmin } from '../harness/database';
import {
  afternoonTimeZone,
  insertWelcomeTemplates,
  SIGN_UP_STORY,
  signUpEvent,
  UPLOAD_STORY,
  welcomeClient,
} from '../harness/first-journey-story';
import { repoRoot } from '../harness/paths';
import { waitUntil } from '../harness/patience';
import { startPostgresCluster, type PostgresCluster } from '../harness/postgres-cluster';
import { startTemporalCluster, type TemporalCluster } from '../harness/temporal-cluster';
import { sampleSum } from './prometheus-text';
import { PROCESS_SECRETS, startTouchpointProcess, type TouchpointProcess } from './touchpoint-process';

const run = promisify(execFile);
/** A cold build of the server (scripts/install-tools.sh temporal-server): 8-10 min idle, 51 min measured under heavy load. */
const CLUSTER_SETUP_MS = 80 * 60_000;

interface Api {
  url: string;
  process: TouchpointProcess;
}

// The scale path, proven on this machine: a production Temporal server (4 history shards, advanced
// visibility, both on PostgreSQL) with two API and two worker processes, compiled as the Docker image
// runs them, sharing nothing but one PostgreSQL cluster. Tag: [production-server].
describe('[production-server] two APIs and two workers on a production Temporal server', () => {
  let postgres: PostgresCluster;
  let temporal: TemporalCluster;
  let database: OpenDatabase;
  let mailbox: SmtpSandbox;
  let smsInbox: SmsSandbox;
  let temporalClient: Client;
  const apis: Api[] = [];
  const workers: { url: string; process: TouchpointProcess }[] = [];

  const call = async <T = Record<string, unknown>>(
    api: Api,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const isCsv = typeof body === 'string';
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${PROCESS_SECRETS.TOUCHPOINT_ADMIN_KEY}`,
        'content-type': isCsv ? 'text/csv' : 'application/json',
      },
      ...(body === undefined ? {} : { body: isCsv ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    expect(response.ok, `${method} ${path} -> ${response.status} ${text}`).toBe(true);
    return JSON.parse(text) as T;
  };
  const ready = (url: string) =>
    waitUntil(
      async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200,
      undefined,
      `${url} ready`,
    );

  beforeAll(async () => {
    const started = Date.now();
    postgres = await startPostgresCluster();
    temporal = await startTemporalCluster(postgres, { shards: 4 });
    await withAdmin(postgres.adminUrl, (admin) => admin.query('CREATE DATABASE touchpoint'));
    await run('npm', ['run', 'build:server'], { cwd: repoRoot });
    [mailbox, smsInbox] = await Promise.all([startSmtpSandbox(), startSmsSandbox({ receipts: false })]);
    const env = {
      DATABASE_URL: postgres.urlFor('touchpoint'),
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      SMTP_API_URL: mailbox.apiUrl,
      SMS_API_URL: smsInbox.baseUrl,
      LOG_LEVEL: 'warn',
    };
    for (let index = 0; index < 2; index += 1) {
      const port = await findFreePort();
      const api = startTouchpointProcess('api', { ...env, API_PORT: String(port) }, { compiled: true });
      apis.push({ url: `http://127.0.0.1:${port}`, process: api });
    }
    // Workers after the APIs have migrated: they need the tables from their first task on.
    await Promise.all(apis.map((api) => ready(api.url)));
    for (let index = 0; index < 2; index += 1) {
      const port = await findFreePort();
      const worker = startTouchpointProcess(
        'worker',
        { ...env, WORKER_HTTP_PORT: String(port) },
        { compiled: true },
      );
      workers.push({ url: `http://127.0.0.1:${port}`, process: worker });
    }
    await Promise.all(workers.map((worker) => ready(worker.url)));
    database = openDatabase(postgres.urlFor('touchpoint'));
    await insertWelcomeTemplates(database.db);
    temporalClient = new Client({ connection: await Connection.connect({ address: temporal.address }) });
    console.info(
      `[production-server] cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      JSON.stringify(temporal.timings),
    );
  }, CLUSTER_SETUP_MS);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map(({ process }) => process.stop()));
    await temporalClient?.connection.close();
    await database?.close();
    await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
    await temporal?.stop();
    await postgres?.stop();
  });

  it('runs the first-journey story with events and calls spread over both APIs', async () => {
    const [first, second] = apis as [Api, Api];
    const journey = await call(first, 'POST', '/v1/journeys', { name: 'Sign-up', definition: SIGN_UP_STORY });
    await call(second, 'POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const names = Array.from({ length: 10 }, (_, index) => `prod-${index}`);
    for (const [index, name] of names.entries()) {
      const api = apis[index % 2]!;
      await call(
        api,
        'PUT',
        `/v1/clients/${name}`,
        welcomeClient({ email: `${name}@example.com`, timeZone: afternoonTimeZone() }),
      );
      await call(api, 'POST', '/v1/events', signUpEvent(name));
    }
    await mailbox.waitForCount(names.length, 90_000);
    await waitUntil(async () => smsInbox.listMessages().length >= names.length, undefined, 'ten SMS');
    const completed = () =>
      database.db
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(and(eq(enrollments.journeyId, String(journey.id)), eq(enrollments.status, 'completed')));
    await waitUntil(
      async () => (await completed()).length === names.length,
      undefined,
      'ten completed enrollments',
    );
    // Exactly once, though two routers and two workers saw the work.
    expect(
      mailbox
        .listMessages()
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual(names.map((n) => `${n}@example.com`).sort());
    expect(smsInbox.listMessages()).toHaveLength(names.length);
    // Advanced visibility on PostgreSQL answers queries on the journeys' search attributes.
    await waitUntil(
      async () =>
        (await temporalClient.workflow.count(`TouchpointJourneyId = "${String(journey.id)}"`)).count ===
        names.length,
      undefined,
      'visibility counting the journey runs',
    );
    // Both workers report, and between them they count every send once.
    const scrapes = await Promise.all(workers.map(async (w) => (await fetch(`${w.url}/metrics`)).text()));
    const sends = scrapes.map((text) => sampleSum(text, 'touchpoint_sends_total', { outcome: 'sent' }) || 0);
    console.info(`[production-server] sends per worker: ${sends.join(', ')}`);
    expect(sends.reduce((sum, count) => sum + count, 0)).toBe(names.length * 2);
  });

  it('routes events left unrouted exactly once, whichever API sweeps them', async () => {
    const journey = await database.db.query.journeys.findFirst({
      where: (j, { eq: is }) => is(j.name, 'Sign-up'),
    });
    const late = Array.from({ length: 6 }, (_, index) => `late-${index}`);
    for (const name of late)
      await call(
        apis[0]!,
        'PUT',
        `/v1/clients/${name}`,
        welcomeClient({ email: `${name}@example.com`, timeZone: afternoonTimeZone() }),
      );
    // Stored as by a process that died before routing them: only the sweepers of both APIs can.
    const rows = await database.db.select({ id: clients.id, externalId: clients.externalId }).from(clients);
    await database.db.insert(events).values(
      rows
        .filter((row) => late.includes(row.externalId))
        .map((row) => ({
          clientId: row.id,
          type: 'signed_up',
          occurredAt: new Date(),
          idempotencyKey: `swept-${row.externalId}`,
        })),
    );
    await waitUntil(
      async () =>
        mailbox.listMessages().filter((mail) => mail.to[0]?.startsWith('late-')).length >= late.length,
      undefined,
      'mail for every swept sign-up',
    );
    await waitUntil(
      async () =>
        (
          await database.db
            .select()
            .from(events)
            .where(eq(events.idempotencyKey, `swept-${late[0]}`))
        )[0]?.routedAt != null,
      undefined,
      'swept events marked routed',
    );
    const lateEnrollments = await database.db
      .select({ clientId: enrollments.clientId })
      .from(enrollments)
      .where(eq(enrollments.journeyId, journey!.id));
    expect(lateEnrollments).toHaveLength(10 + late.length);
    expect(mailbox.listMessages().filter((mail) => mail.to[0]?.startsWith('late-'))).toHaveLength(
      late.length,
    );
  });

  it('finishes a CSV upload on the other API when the one that took it is killed', async () => {
    const [first, second] = apis as [Api, Api];
    const journey = await call(second, 'POST', '/v1/journeys', { name: 'Upload', definition: UPLOAD_STORY });
    await call(second, 'POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    // Clients of their own: the default policy allows one SMS a day per client. Numbers of their own
    // too, so texts the earlier stories' clients still receive are not counted as this upload's.
    const names = Array.from({ length: 10 }, (_, index) => `upload-${index}`);
    // 1001…1010: clear of the sandbox's endings that reject or fail (…0000, …9999, …0404, …0408).
    const phones = names.map((_, index) => `+7916555${1001 + index}`);
    const digits = (phone: string) => phone.replace(/\D/g, '');
    const uploadTexts = () =>
      smsInbox.listMessages().filter((sms) => phones.map(digits).includes(digits(sms.to)));
    for (const [index, name] of names.entries())
      await call(
        second,
        'PUT',
        `/v1/clients/${name}`,
        welcomeClient({ email: `${name}@example.com`, timeZone: afternoonTimeZone(), phone: phones[index]! }),
      );
    const job = await call(
      first,
      'POST',
      `/v1/journeys/${String(journey.id)}/enrollments/csv`,
      `clientId\n${names.join('\n')}\n`,
    );
    // Killed at once: whatever part of the job it ran, the rest is the other API's to resume.
    first.process.child.kill('SIGKILL');
    await first.process.exited;
    let status = '';
    await waitUntil(
      async () => {
        const seen = await call<{ status: string; enrolled: number }>(
          second,
          'GET',
          `/v1/enrollment-jobs/${String(job.id)}`,
        );
        status = seen.status;
        return seen.status !== 'running';
      },
      undefined,
      'the CSV job to finish on the surviving API',
    );
    expect(status).toBe('completed');
    await waitUntil(async () => uploadTexts().length >= names.length, undefined, 'ten upload SMS');
    const uploaded = () =>
      database.db
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(eq(enrollments.journeyId, String(journey.id)));
    // Enrollment rows are batched bookkeeping, flushed by the workflow's own task: a text can reach
    // the sandbox before its enrollment's row lands, so the rows are awaited, then counted exactly.
    await waitUntil(
      async () => (await uploaded()).length >= names.length,
      undefined,
      'ten upload enrollments',
    );
    expect(await uploaded()).toHaveLength(names.length);
    expect(
      uploadTexts()
        .map((sms) => sms.to)
        .sort(),
    ).toEqual([...phones].sort());
  });
});
