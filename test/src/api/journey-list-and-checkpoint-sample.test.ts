import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFacts, clients } from '@touchpoint/db';
import { ADMIN, createApiFixture, SIGNUP_JOURNEY } from './api-fixture';
import type { ApiFixture } from './api-fixture';

let fixture: ApiFixture;
beforeAll(async () => {
  fixture = await createApiFixture();
});
afterAll(async () => fixture.close());

const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
  fixture.app.inject({ method, url, headers: ADMIN, ...(payload ? { payload } : {}) });

async function createJourney(name: string): Promise<string> {
  const created = await inject('POST', '/v1/journeys', { name, definition: SIGNUP_JOURNEY });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

const namesOf = async (query: string) =>
  ((await inject('GET', `/v1/journeys?${query}`)).json().items as { name: string }[])
    .map((item) => item.name)
    .sort();

describe('GET /v1/journeys with a search and the archived filter', () => {
  it('matches names case-insensitively and literally, and leaves archived ones out when asked', async () => {
    await createJourney('Winter 100% sale');
    await createJourney('Winter 10 sale');
    await createJourney('Spring welcome');
    const archived = await createJourney('Winter archive');
    expect((await inject('POST', `/v1/journeys/${archived}/archive`)).statusCode).toBe(200);

    expect(await namesOf('q=WINTER')).toEqual(['Winter 10 sale', 'Winter 100% sale', 'Winter archive']);
    // `%` is a character of the name, not a wildcard.
    expect(await namesOf(`q=${encodeURIComponent('100%')}`)).toEqual(['Winter 100% sale']);
    expect(await namesOf('q=winter&archived=exclude')).toEqual(['Winter 10 sale', 'Winter 100% sale']);
    expect(await namesOf('archived=only')).toEqual(['Winter archive']);

    const page = await inject('GET', '/v1/journeys?q=winter&archived=exclude&limit=1');
    expect(page.json().items).toHaveLength(1);
    const next = await inject(
      'GET',
      `/v1/journeys?q=winter&archived=exclude&limit=1&cursor=${page.json().nextCursor}`,
    );
    expect(next.json()).toMatchObject({ nextCursor: null });
    expect(next.json().items).toHaveLength(1);
  });

  it('refuses an unknown archived filter with a 400 naming the field', async () => {
    const response = await inject('GET', '/v1/journeys?archived=sometimes');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^querystring\.archived/);
  });
});

describe('GET /v1/checkpoint-sample', () => {
  it("answers a real client's expected next purchase, preferring one still ahead", async () => {
    const db = fixture.database.db;
    const [past, ahead] = await db
      .insert(clients)
      .values([
        { externalId: 'past-1', timeZone: null },
        { externalId: 'ahead-1', timeZone: 'Europe/Moscow', attributes: { contractEndsAt: '2031-05-01' } },
      ])
      .returning();
    await db.insert(clientFacts).values([
      { clientId: past!.id, expectedNextPurchaseAt: new Date('2001-01-01T00:00:00Z') },
      { clientId: ahead!.id, expectedNextPurchaseAt: new Date('2031-01-15T09:00:00Z') },
    ]);
    const sample = await inject('GET', '/v1/checkpoint-sample?source=expectedNextPurchase');
    expect(sample.statusCode, sample.body).toBe(200);
    expect(sample.json().sample).toEqual({
      clientId: ahead!.id,
      externalId: 'ahead-1',
      timeZone: 'Europe/Moscow',
      checkpointAt: '2031-01-15T09:00:00.000Z',
    });
    const byAttribute = await inject(
      'GET',
      '/v1/checkpoint-sample?source=attribute&attribute=contractEndsAt',
    );
    expect(byAttribute.json().sample).toMatchObject({
      externalId: 'ahead-1',
      checkpointAt: '2031-05-01T00:00:00.000Z',
    });
    const none = await inject('GET', '/v1/checkpoint-sample?source=attribute&attribute=birthday');
    expect(none.json()).toEqual({ sample: null });
  });

  it('refuses an attribute source without the attribute, naming it', async () => {
    const response = await inject('GET', '/v1/checkpoint-sample?source=attribute');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^querystring\.attribute/);
  });
});
