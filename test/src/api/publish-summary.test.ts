import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

let fixture: ApiFixture;
beforeAll(async () => {
  fixture = await createApiFixture();
});
afterAll(async () => fixture.close());

const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'done', kind: 'exit', config: { reason: 'done' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
};

const post = (url: string, payload?: object) =>
  fixture.app.inject({ method: 'POST', url, headers: ADMIN, ...(payload ? { payload } : {}) });

/** The draft with its exit step renamed, so the next publish has something new to freeze. */
async function renameExit(id: string, name: string): Promise<void> {
  const definition = {
    ...DEFINITION,
    nodes: DEFINITION.nodes.map((node) => (node.id === 'done' ? { ...node, name } : node)),
  };
  const saved = await fixture.app.inject({
    method: 'PUT',
    url: `/v1/journeys/${id}`,
    headers: ADMIN,
    payload: { name: 'renamed', definition },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

async function createJourney(name: string): Promise<string> {
  const created = await post('/v1/journeys', { name, definition: DEFINITION });
  expect(created.statusCode).toBe(201);
  return created.json().id;
}

describe('POST /v1/journeys/:id/publish with a change summary', () => {
  it('stores the summary and returns it from publish and from the version list', async () => {
    const id = await createJourney('with summary');
    const first = await post(`/v1/journeys/${id}/publish`, {
      summary: '  Shorter wait before the reminder ',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ number: 1, summary: 'Shorter wait before the reminder' });
    // No body at all and an empty object both still publish, with no summary.
    await renameExit(id, 'Done');
    expect((await post(`/v1/journeys/${id}/publish`)).json()).toMatchObject({ number: 2, summary: null });
    await renameExit(id, 'Finished');
    expect((await post(`/v1/journeys/${id}/publish`, {})).json()).toMatchObject({ number: 3, summary: null });

    const versions = await fixture.app.inject({
      method: 'GET',
      url: `/v1/journeys/${id}/versions`,
      headers: ADMIN,
    });
    expect(versions.statusCode).toBe(200);
    const items: { number: number; summary: string | null }[] = versions.json().items;
    expect(items.map(({ number, summary }) => ({ number, summary }))).toEqual([
      { number: 3, summary: null },
      { number: 2, summary: null },
      { number: 1, summary: 'Shorter wait before the reminder' },
    ]);
  });

  it('refuses a summary over 2000 characters with a 400 naming body.summary, publishing nothing', async () => {
    const id = await createJourney('too long');
    const response = await post(`/v1/journeys/${id}/publish`, { summary: 'x'.repeat(2001) });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.json().message).toMatch(/^body\.summary: /);

    const versions = await fixture.app.inject({
      method: 'GET',
      url: `/v1/journeys/${id}/versions`,
      headers: ADMIN,
    });
    expect(versions.json().items).toEqual([]);
    const atLimit = await post(`/v1/journeys/${id}/publish`, { summary: 'x'.repeat(2000) });
    expect(atLimit.statusCode).toBe(201);
  });

  it('says an unchanged draft is unchanged (200, unchanged: true) instead of freezing an identical version', async () => {
    const id = await createJourney('unchanged');
    const first = await post(`/v1/journeys/${id}/publish`, { summary: 'first' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ number: 1, unchanged: false });
    const again = await post(`/v1/journeys/${id}/publish`, { summary: 'nothing new' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ number: 1, summary: 'first', unchanged: true });

    // Moving steps on the canvas changes nothing that runs, so it is no new version either.
    const moved = await fixture.app.inject({
      method: 'PUT',
      url: `/v1/journeys/${id}`,
      headers: ADMIN,
      payload: { name: 'unchanged', definition: { ...DEFINITION, layout: { entry: { x: 300, y: 20 } } } },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await post(`/v1/journeys/${id}/publish`)).statusCode).toBe(200);

    await renameExit(id, 'Done');
    const changed = await post(`/v1/journeys/${id}/publish`);
    expect(changed.statusCode).toBe(201);
    expect(changed.json()).toMatchObject({ number: 2, unchanged: false });
    const versions = await fixture.app.inject({
      method: 'GET',
      url: `/v1/journeys/${id}/versions`,
      headers: ADMIN,
    });
    expect(versions.json().items.map((item: { number: number }) => item.number)).toEqual([2, 1]);
  });
});
