import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourneyCli, type CliIo } from '@touchpoint/engine/cli/journey-cli';
import { ADMIN, ADMIN_KEY, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

let fixture: ApiFixture;
let url: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-files-'));

beforeAll(async () => {
  fixture = await createApiFixture();
  url = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => fixture.close());

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  fixture.app.inject({ method, url, headers: ADMIN, ...(payload ? { payload } : {}) });

/** Runs the CLI against the listening API, as `npm run journey -- …` would, keeping what it printed. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { TOUCHPOINT_API_URL: url, TOUCHPOINT_API_KEY: ADMIN_KEY },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = await runJourneyCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signup' } } } },
    {
      id: 'hello',
      kind: 'send',
      name: 'Hello mail',
      config: { channels: ['email', 'sms'], templateId: 'files-hello' },
    },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'hello' },
    { id: 'e2', source: 'hello', sourcePort: 'sent', target: 'done' },
    { id: 'e3', source: 'hello', sourcePort: 'unreachable', target: 'done' },
  ],
  layout: { entry: { x: 0, y: 0 }, hello: { x: 0, y: 140 }, done: { x: 0, y: 280 } },
};

describe('journeys as files, through the CLI and the HTTP API', () => {
  it('exports a journey with its templates, validates the file and imports it as a new draft', async () => {
    for (const template of [
      {
        channel: 'email',
        key: 'files-hello',
        name: 'Hello',
        format: 'html',
        subject: 'Hi {{ client.name }}',
        body: '<p>Hello</p>',
      },
      { channel: 'sms', key: 'files-hello', name: 'Hello', body: 'Hello {{ client.name }}' },
      { channel: 'sms', key: 'files-unused', name: 'Unused', body: 'not in the journey' },
    ]) {
      expect((await inject('POST', '/v1/templates', template)).statusCode).toBe(201);
    }
    const created = await inject('POST', '/v1/journeys', { name: 'Files: welcome', definition: DEFINITION });
    const journeyId = created.json().id as string;

    const file = path.join(dir, 'welcome.journey.json');
    const exported = await cli('export', journeyId, '--out', file);
    expect(exported.code, exported.err).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written).toMatchObject({ format: 'touchpoint.journey', formatVersion: 1, name: 'Files: welcome' });
    expect(written.definition).toEqual(DEFINITION);
    expect(written.templates.map((t: { key: string; channel: string }) => `${t.key}/${t.channel}`)).toEqual([
      'files-hello/email',
      'files-hello/sms',
    ]);

    const validated = await cli('validate', file);
    expect(validated).toMatchObject({ code: 0 });
    expect(validated.out).toContain('"Files: welcome" is a valid journey (3 steps, 2 templates)');

    // The same install already has both templates, unchanged: they are reused, not copied.
    const imported = await cli('import', file);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(
      /templates created: none; reused: files-hello \(email\), files-hello \(sms\)/,
    );
    const newId = /as ([0-9a-f-]{36})/.exec(imported.out)?.[1];
    const draft = await inject('GET', `/v1/journeys/${newId}`);
    expect(draft.json()).toMatchObject({ name: 'Files: welcome', status: 'draft', draft: DEFINITION });
  });

  it('adds the templates an install lacks, and refuses one that differs, writing nothing', async () => {
    const file = {
      format: 'touchpoint.journey',
      formatVersion: 1,
      name: 'Files: moved',
      definition: {
        ...DEFINITION,
        nodes: DEFINITION.nodes.map((n) =>
          n.id === 'hello' ? { ...n, config: { ...n.config, templateId: 'files-new' } } : n,
        ),
      },
      templates: [
        {
          channel: 'email',
          key: 'files-new',
          name: 'New',
          format: 'html',
          subject: 'New',
          body: '<p>New</p>',
        },
        { channel: 'sms', key: 'files-new', name: 'New', body: 'New' },
      ],
    };
    const added = await inject('POST', '/v1/journeys/import', file);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().createdTemplates).toEqual(['files-new (email)', 'files-new (sms)']);

    const journeysBefore = (await inject('GET', '/v1/journeys')).json().items.length;
    const clash = {
      ...file,
      name: 'Files: clash',
      templates: [file.templates[0], { ...file.templates[1], body: 'Other text' }],
    };
    const refused = await inject('POST', '/v1/journeys/import', clash);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/^body\.templates\.1\.key: .*"files-new"/);
    expect((await inject('GET', '/v1/journeys')).json().items.length).toBe(journeysBefore);
  });

  it('says what is wrong with a file that is not a journey file, or a journey that breaks the rules', async () => {
    const notJourney = path.join(dir, 'not.json');
    writeFileSync(notJourney, JSON.stringify({ hello: 'world' }));
    const refused = await cli('validate', notJourney);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not a journey file\n {2}format: /);

    const broken = path.join(dir, 'broken.journey.json');
    const brokenDefinition = { ...DEFINITION, edges: DEFINITION.edges.slice(0, 2) };
    writeFileSync(
      broken,
      JSON.stringify({
        format: 'touchpoint.journey',
        formatVersion: 1,
        name: 'Broken',
        definition: brokenDefinition,
        templates: [],
      }),
    );
    const problems = await cli('validate', broken);
    expect(problems.code).toBe(1);
    expect(problems.err).toContain('Hello mail: ');

    const usage = await cli('publish', 'x');
    expect(usage.code).toBe(2);
    const badFile = await inject('POST', '/v1/journeys/import', { format: 'something else' });
    expect(badFile.statusCode).toBe(400);
  });
});
