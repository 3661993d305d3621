// Real rows for the fuzzer to aim at: without them every `/{id}` operation answers 404 and the fuzzer
// never reaches the logic behind it. Written through the API where the API can write them (clients,
// catalog, journeys, versions, jobs); rows only a journey run creates (a sent message, a call task, an
// operator) go straight into the database. `writeFuzzConfig` hands the ids to schemathesis as
// dictionaries, drawn with a probability, so generated values are still tried too.
import { writeFileSync } from 'node:fs';
import { createCallTask } from '@touchpoint/domain';
import { signTrackingToken } from '@touchpoint/channels';
import { clients, eq, messages, users } from '@touchpoint/db';
import type { Database } from '@touchpoint/db';

/** Where the seeds go and how to reach them. */
export interface FuzzTarget {
  apiUrl: string;
  adminKey: string;
  db: Database;
  trackingSecret: string;
  smsRuReceiptSecret: string;
}

/** Values of each dictionary, by name. */
export type FuzzSeeds = Record<string, (string | number)[]>;

const entryThenExit = (extra: object[] = []) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signup' } } } },
    ...extra,
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: extra.length > 0 ? 'pause' : 'done' },
    ...(extra.length > 0 ? [{ id: 'e2', source: 'pause', sourcePort: 'out', target: 'done' }] : []),
  ],
});
const WAIT = {
  id: 'pause',
  kind: 'wait',
  config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
};

async function call<T>(target: FuzzTarget, method: string, path: string, body?: unknown): Promise<T> {
  const csv = typeof body === 'string';
  const response = await fetch(`${target.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${target.adminKey}`,
      ...(body === undefined ? {} : { 'content-type': csv ? 'text/csv' : 'application/json' }),
    },
    ...(body === undefined ? {} : { body: csv ? body : JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`seed ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A journey published twice (versions 1 and 2), so diff, stats, migrate and enroll have work, one
 * paused with an exit job, a draft, and ones only archive is aimed at: an archived journey refuses
 * everything else, so archiving the others would leave the rest of the run nothing to do.
 */
async function seedJourneys(target: FuzzTarget): Promise<{ journeys: string[]; archivable: string[] }> {
  const create = (name: string) =>
    call<{ id: string }>(target, 'POST', '/v1/journeys', { name, definition: entryThenExit() });
  const archivable = [(await create('fuzz archivable 1')).id, (await create('fuzz archivable 2')).id];
  const [live, paused, draft] = [
    await create('fuzz live'),
    await create('fuzz paused'),
    await create('fuzz draft'),
  ];
  await call(target, 'POST', `/v1/journeys/${live.id}/publish`, { summary: 'first' });
  await call(target, 'PUT', `/v1/journeys/${live.id}`, {
    name: 'fuzz live',
    definition: entryThenExit([WAIT]),
  });
  await call(target, 'POST', `/v1/journeys/${live.id}/publish`, { summary: 'with a wait' });
  await call(target, 'POST', `/v1/journeys/${paused.id}/publish`, {});
  // Pausing with `leave` starts an exit job, for `GET /v1/journeys/{id}/exit-job`.
  await call(target, 'POST', `/v1/journeys/${paused.id}/pause`, { inFlight: 'leave' });
  return { journeys: [live.id, paused.id, draft.id], archivable };
}

/** Seeds every kind of row the API's `{id}` operations address and names them by dictionary. */
export async function seedForFuzz(target: FuzzTarget): Promise<FuzzSeeds> {
  const clientIds = ['fuzz-anna', 'fuzz-oleg'];
  for (const [index, id] of clientIds.entries())
    await call(target, 'PUT', `/v1/clients/${id}`, {
      email: `${id}@example.com`,
      phone: `+1555000000${index}`,
    });
  const product = await call<{ id: string }>(target, 'POST', '/v1/products', { sku: 'FUZZ-1', name: 'Fuzz' });
  const offer = await call<{ id: string }>(target, 'POST', '/v1/offers', {
    key: 'FUZZ10',
    name: 'Ten off',
    kind: 'percentDiscount',
    value: 10,
  });
  const template = await call<{ id: string }>(target, 'POST', '/v1/templates', {
    channel: 'email',
    key: 'fuzz-mail',
    name: 'Fuzz mail',
    subject: 'Hi {{ client.email }}',
    body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
  });
  const { journeys, archivable } = await seedJourneys(target);
  const job = await call<{ id: string }>(
    target,
    'POST',
    `/v1/journeys/${journeys[0]}/enrollments/csv`,
    `clientId\n${clientIds.join('\n')}\n`,
  );

  const [anna] = await target.db.select().from(clients).where(eq(clients.externalId, clientIds[0]!));
  const [operator] = await target.db
    .insert(users)
    .values({ email: 'fuzz-operator@example.com', name: 'Fuzz', role: 'operator' })
    .returning();
  const tasks = await Promise.all(
    [1, 2, 3, 4, 5, 6].map((key) =>
      createCallTask(target.db, {
        idempotencyKey: `fuzz-call-${key}`,
        clientId: anna!.id,
        nodeId: 'call',
        dueAt: '2030-01-01T10:00:00Z',
      }),
    ),
  );
  const outboxKey = 'fuzz:journey:mail#email';
  await target.db.insert(messages).values({
    idempotencyKey: outboxKey,
    clientId: anna!.id,
    channel: 'email',
    nodeId: 'mail',
    status: 'sent',
    sentAt: new Date(),
  });
  const token = (action: 'open' | 'click' | 'unsubscribe') =>
    signTrackingToken(
      { messageId: outboxKey, action, ...(action === 'click' ? { url: 'https://example.com/' } : {}) },
      target.trackingSecret,
    );
  return {
    clients: clientIds,
    journeys,
    archivable,
    versions: [1, 2],
    catalog: [product.id, offer.id, template.id],
    offers: [offer.id],
    jobs: [job.id],
    tasks: tasks.map((task) => task.taskId),
    operators: [operator!.id],
    openTokens: [token('open')],
    clickTokens: [token('click')],
    unsubscribeTokens: [token('unsubscribe')],
    smsRuSecrets: [target.smsRuReceiptSecret],
  };
}

/** Which parameter of which operations draws from which dictionary (a path regex over the spec's paths). */
const BINDINGS: [pathRegex: string, parameter: string, dictionary: string][] = [
  ['^/v1/clients/\\{id\\}', 'path.id', 'clients'],
  // Archive aims at its own journeys only.
  ['^/v1/journeys/\\{id\\}/archive$', 'path.id', 'archivable'],
  ['^/v1/journeys/\\{id\\}(?!/archive$)', 'path.id', 'journeys'],
  ['^/v1/journeys/\\{id\\}/versions/\\{a\\}', 'path.a', 'versions'],
  ['^/v1/journeys/\\{id\\}/versions/\\{a\\}', 'path.b', 'versions'],
  ['^/v1/journeys/\\{id\\}/stats$', 'query.version', 'versions'],
  ['^/v1/journeys/\\{id\\}/migrate$', 'body.fromVersion', 'versions'],
  ['^/v1/journeys/\\{id\\}/migrate$', 'body.toVersion', 'versions'],
  ['^/v1/journeys/\\{id\\}/enrollments$', 'body.clientIds[*]', 'clients'],
  ['^/v1/(products|offers|templates)/\\{id\\}', 'path.id', 'catalog'],
  ['^/v1/templates/\\{id\\}/preview$', 'body.clientId', 'clients'],
  ['^/v1/templates/\\{id\\}/preview$', 'body.offerId', 'offers'],
  ['^/v1/enrollment-jobs/\\{id\\}$', 'path.id', 'jobs'],
  ['^/v1/call-tasks/\\{id\\}', 'path.id', 'tasks'],
  ['^/v1/call-tasks', 'body.operatorId', 'operators'],
  ['^/v1/call-tasks$', 'query.operatorId', 'operators'],
  ['^/v1/(events|purchases)$', 'body.clientId', 'clients'],
  ['^/t/o/', 'path.*', 'openTokens'],
  ['^/t/c/', 'path.*', 'clickTokens'],
  ['^/t/u/', 'path.*', 'unsubscribeTokens'],
  ['^/v1/receipts/smsru/', 'path.secret', 'smsRuSecrets'],
  ['^/v1/sandbox/mail/', 'path.id', 'sandboxMail'],
  ['^/v1/sandbox/sms/', 'path.id', 'sandboxSms'],
];

/**
 * Writes a schemathesis.toml drawing each bound parameter from its dictionary `probability` of the
 * time. One `[[operations]]` entry per path of the document: schemathesis takes `parameters` from the
 * first entry that matches an operation, so each path gets all of its bindings in one.
 */
export function writeFuzzConfig(file: string, paths: string[], seeds: FuzzSeeds, probability = 0.6): void {
  const quote = (value: string | number) => JSON.stringify(value);
  const dictionaries = Object.entries(seeds).map(
    ([name, values]) => `[dictionaries.${name}]\nvalues = [${values.map(quote).join(', ')}]\n`,
  );
  const operations = paths.flatMap((path) => {
    const bindings = BINDINGS.filter(([pathRegex]) => new RegExp(pathRegex).test(path)).map(
      ([, parameter, dictionary]) =>
        `${quote(parameter)} = { dictionary = ${quote(dictionary)}, probability = ${probability} }`,
    );
    if (bindings.length === 0) return [];
    return [`[[operations]]\ninclude-path = ${quote(path)}\nparameters = { ${bindings.join(', ')} }\n`];
  });
  writeFileSync(file, [...dictionaries, ...operations].join('\n'));
}
