import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createChannelAdapters } from '@touchpoint/engine/main/channel-adapters';
import { channelLimitsFrom, DEFAULT_CHANNEL_LIMITS } from '@touchpoint/engine/main/channel-limits';
import { CONFIG_VARIABLES, loadConfig } from '@touchpoint/engine/main/config';
import { configuredChannels } from '@touchpoint/engine/main/configured-channels';
import { JOURNEY_SEARCH_ATTRIBUTES } from '@touchpoint/engine/main/temporal-dev-server';
import { repoRoot } from '../harness/paths';
import { TEMPORAL_DATABASES } from '../harness/temporal-server-config';
import { compiledEntrypoint } from './touchpoint-process';

// No Docker engine runs here, so the compose file is checked against the app's own configuration and
// against what the production-server test runs: a renamed variable, a moved port, a health check on
// a path that does not exist or a dev-only image fails here instead of a user's first `docker compose up`.
interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  command?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/** Resolves ${VAR:?msg} to a sample secret and ${VAR:-default} to its default, as compose would. */
function interpolate(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [
      key,
      String(value)
        .replace(/\$\{(\w+):\?[^}]*\}/g, 'sample-secret-value-0123456789')
        .replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
    ]),
  );
}
const publishedPorts = (name: string) =>
  (service(name).ports ?? []).map((mapping) => mapping.split(':').at(-1));
const commandOf = (name: string) => (service(name).command ?? []).join(' ');

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, a production Temporal server with its UI, Mailpit, the API and the worker', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining([
        'postgresql',
        'temporal-schema',
        'temporal',
        'temporal-setup',
        'temporal-ui',
        'mailpit',
        'api',
        'worker',
      ]),
    );
    expect(service('temporal').image).toMatch(/^temporalio\/server:1\.32\./);
    expect(JSON.stringify(compose)).not.toContain('auto-setup');
    expect(service('mailpit').image).toMatch(/^axllent\/mailpit:/);
    expect(service('temporal-ui').image).toMatch(/^temporalio\/ui:/);
  });

  it('gives Temporal the configuration the production-server test runs: PostgreSQL, 4 shards, SQL visibility', () => {
    const temporal = service('temporal').environment ?? {};
    expect(temporal.DB).toBe('postgres12');
    expect(temporal.NUM_HISTORY_SHARDS).toBe('4');
    expect(temporal.POSTGRES_SEEDS).toBe('postgresql');
    expect(temporal.ENABLE_ES).toBeUndefined();
    const schema = commandOf('temporal-schema');
    for (const [kind, database] of [
      ['default', temporal.DBNAME],
      ['visibility', temporal.VISIBILITY_DBNAME],
    ] as const) {
      expect(schema).toContain(`--db ${database} update-schema --schema-name ${TEMPORAL_DATABASES[kind]}`);
    }
    expect(schema).toContain('--plugin postgres12');
  });

  it('creates the default namespace and every search attribute the journey workflows set', () => {
    const setup = commandOf('temporal-setup');
    expect(setup).toContain('namespace create --address temporal:7233 -n default');
    for (const [name, type] of Object.entries(JOURNEY_SEARCH_ATTRIBUTES))
      expect(setup).toContain(`${name}:${type}`);
  });

  it.each(['api', 'worker'])('gives the %s only variables the app knows, and valid ones', (name) => {
    const environment = interpolate(service(name).environment ?? {});
    const unknown = Object.keys(environment).filter((key) => !(CONFIG_VARIABLES as string[]).includes(key));
    expect(unknown).toEqual([]);
    const config = loadConfig(environment);
    expect(config.DATABASE_URL).toBeDefined();
    expect(config.TOUCHPOINT_ADMIN_KEY).toBeDefined();
  });

  it('sets every channel limit and worker size, with the defaults the app itself has', () => {
    const environment = service('worker').environment ?? {};
    const tunable = CONFIG_VARIABLES.filter((name) =>
      /_SENDS_(PER_SECOND|IN_FLIGHT)$|^WORKER_(?!HTTP)/.test(name),
    );
    expect(tunable).toHaveLength(11);
    for (const name of tunable) expect(Object.keys(environment), name).toContain(name);
    const composed = loadConfig(interpolate(environment));
    const defaults = loadConfig({});
    for (const name of tunable) expect(composed[name], name).toBe(defaults[name]);
    expect(channelLimitsFrom(composed)).toEqual(DEFAULT_CHANNEL_LIMITS);
  });

  it('sends SMS only once a provider is set up, so a first `up` is ready without one', () => {
    const environment = interpolate(service('worker').environment ?? {});
    const channelsOf = (env: Record<string, string>) =>
      configuredChannels(createChannelAdapters(loadConfig(env), 'compose-tracking-secret-0123'));
    expect(channelsOf(environment)).toEqual(['email', 'call', 'webhook']);
    const twilio = {
      ...environment,
      TWILIO_ACCOUNT_SID: 'AC0123',
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: '+15550100',
    };
    expect(channelsOf(twilio)).toEqual(['email', 'sms', 'call', 'webhook']);
  });

  it('points the app at the services by their compose names and published ports', () => {
    const config = loadConfig(interpolate(service('api').environment ?? {}));
    const postgres = service('postgresql').environment ?? {};
    const database = new URL(config.DATABASE_URL ?? '');
    expect(database.hostname).toBe('postgresql');
    expect([database.username, database.password, database.pathname.slice(1)]).toEqual([
      postgres.POSTGRES_USER,
      postgres.POSTGRES_PASSWORD,
      postgres.POSTGRES_DB,
    ]);
    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(publishedPorts('temporal')).toContain('7233');
    expect(service('temporal-ui').environment?.TEMPORAL_ADDRESS).toBe(config.TEMPORAL_ADDRESS);
    const smtp = new URL(config.SMTP_URL);
    expect(smtp.hostname).toBe('mailpit');
    expect(publishedPorts('mailpit')).toContain(smtp.port);
    expect(config.API_HOST).toBe('0.0.0.0');
    expect(service('api').ports).toContain(`${config.API_PORT}:${config.API_PORT}`);
    expect(new URL(config.TEMPORAL_UI_URL).port).toBe(publishedPorts('temporal-ui')[0]);
    // The worker's operator port has no key: inside the network only.
    expect(service('worker').ports).toBeUndefined();
  });

  it('runs the compiled entrypoints the server build writes, never tsx', () => {
    for (const role of ['api', 'worker'] as const) {
      expect(service(role).build).toBe('.');
      expect(service(role).command).toEqual(['node', compiledEntrypoint(role)]);
    }
    expect(JSON.stringify(compose.services.api) + JSON.stringify(compose.services.worker)).not.toContain(
      'tsx',
    );
    const build = readFileSync(path.join(repoRoot, 'engine/src/cli/build-server.ts'), 'utf8');
    expect(build).toContain(
      "entryPoints: { api: 'engine/src/main/api.ts', worker: 'engine/src/main/worker.ts' }",
    );
  });

  it('checks the readiness of the API and the worker on the ports they are configured with', () => {
    const config = loadConfig(interpolate(service('api').environment ?? {}));
    expect(service('api').healthcheck?.test.join(' ')).toContain(
      `http://127.0.0.1:${config.API_PORT}/health/ready`,
    );
    expect(service('worker').healthcheck?.test.join(' ')).toContain(
      `http://127.0.0.1:${config.WORKER_HTTP_PORT}/health/ready`,
    );
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('builds in one stage and runs in another, from compiled JavaScript as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toContain('npm run build:server');
    expect(stages[0]).toContain('npm run build -w @touchpoint/builder');
    expect(runtime).toContain('npm ci --omit=dev');
    expect(runtime).toContain('COPY --from=build /app/dist/server dist/server');
    // The API serves the builder's files from builder/dist (engine/src/main/paths.ts).
    expect(runtime).toContain('COPY --from=build /app/builder/dist builder/dist');
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toContain('tsx');
    expect(runtime).not.toMatch(/^COPY \. \./m);
  });
});
