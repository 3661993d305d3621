import { readFileSync } from 'node:fs';
import { FILE_TAGS } from '@touchpoint/channels';
import { templates } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

// Liquid's default root is the working directory, where this file is: a template that could read
// files would put its text into the answer.
const KNOWN_FILE = 'package.json';
const KNOWN_TEXT = 'Open-source journey orchestration';

const mjml = (inner: string) =>
  `<mjml><mj-body><mj-section><mj-column><mj-text>${inner}</mj-text></mj-column></mj-section></mj-body></mjml>`;

/** One template per place Liquid runs, each carrying `tag` in one field; `path` is the field named. */
function templatesUsing(tag: string) {
  const use = `{% ${tag} '${KNOWN_FILE}' %}`;
  return [
    {
      path: 'body.subject',
      body: { channel: 'email', key: `s-${tag}`, name: 'n', subject: `Hi ${use}`, body: mjml('x') },
    },
    {
      path: 'body.body',
      body: { channel: 'email', key: `m-${tag}`, name: 'n', subject: 'Hi', body: mjml(use) },
    },
    {
      path: 'body.body',
      body: {
        channel: 'email',
        key: `h-${tag}`,
        name: 'n',
        format: 'html',
        subject: 'Hi',
        body: `<p>${use}</p>`,
      },
    },
    { path: 'body.body', body: { channel: 'sms', key: `t-${tag}`, name: 'n', body: `Code ${use}` } },
    { path: 'body.body', body: { channel: 'call', key: `c-${tag}`, name: 'n', body: use } },
    {
      path: 'body.body',
      body: {
        channel: 'webhook',
        key: `w-${tag}`,
        name: 'n',
        body: JSON.stringify({ url: 'https://hooks.example.com/x', payload: { deep: { text: use } } }),
      },
    },
  ];
}

let fixture: ApiFixture;
beforeAll(async () => {
  expect(readFileSync(KNOWN_FILE, 'utf8')).toContain(KNOWN_TEXT);
  fixture = await createApiFixture();
});
afterAll(async () => fixture.close());

const call = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: object) =>
  fixture.app.inject({ method, url, headers: ADMIN, ...(payload === undefined ? {} : { payload }) });
type Answer = Awaited<ReturnType<typeof call>>;

function expectRefused(response: Answer, tag: string, path: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.body).not.toContain(KNOWN_TEXT);
  const body = response.json<{ code: string; message: string; issues: { path: string; code: string }[] }>();
  expect(body.code).toBe('validation_failed');
  expect(body.message).toContain(`${path}: the {% ${tag} %} tag is not allowed`);
  expect(body.issues).toEqual([expect.objectContaining({ path, code: 'template_forbidden_tag' })]);
}

describe('templates get no file access', () => {
  it.each(FILE_TAGS)('refuses the %s tag on create in every field Liquid runs over', async (tag) => {
    for (const { path, body } of templatesUsing(tag))
      expectRefused(await call('POST', '/v1/templates', body), tag, path);
    const listed = await call('GET', '/v1/templates');
    expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it.each(FILE_TAGS)('refuses the %s tag on update and keeps the stored template', async (tag) => {
    const created = await call('POST', '/v1/templates', {
      channel: 'sms',
      key: `u-${tag}`,
      name: 'n',
      body: 'Hello',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    for (const { path, body } of templatesUsing(tag).filter(({ body }) => body.channel === 'sms')) {
      expectRefused(await call('PUT', `/v1/templates/${id}`, { ...body, key: `u-${tag}` }), tag, path);
    }
    expect((await call('GET', `/v1/templates/${id}`)).json()).toMatchObject({ body: 'Hello' });
  });

  it.each(FILE_TAGS)(
    'refuses to preview a template stored with the %s tag before this check existed',
    async (tag) => {
      // No request can store such a template any more; rows written by earlier versions still can exist.
      const [row] = await fixture.database.db
        .insert(templates)
        .values({
          key: `legacy-${tag}`,
          channel: 'sms',
          name: 'Legacy',
          format: 'text',
          body: `Code {% ${tag} '${KNOWN_FILE}' %}`,
        })
        .returning();
      expectRefused(await call('POST', `/v1/templates/${row!.id}/preview`, {}), tag, 'body.body');
    },
  );
});
