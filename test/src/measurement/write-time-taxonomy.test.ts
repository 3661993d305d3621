import { DEFAULT_FUNNEL_TAXONOMY } from '@touchpoint/language';
import { asc, funnelActions } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from '../api/api-fixture';

// Funnel actions recorded as events are stored follow the taxonomy saved at that moment, never the
// built-in defaults; a later save does not rewrite what was recorded (reports recompute from events).
describe('funnel actions recorded at write time', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture?.close());

  const post = (idempotencyKey: string, type: string) =>
    fixture.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: ADMIN,
      payload: { idempotencyKey, clientId: 'taxonomy-client', type, occurredAt: '2024-05-01T10:00:00Z' },
    });
  const recorded = () =>
    fixture.database.db
      .select({ type: funnelActions.type, taxonomyVersion: funnelActions.taxonomyVersion })
      .from(funnelActions)
      .orderBy(asc(funnelActions.id));

  it('name and version each action by the taxonomy current when its event was stored', async () => {
    expect((await post('before', 'deal.closed')).statusCode).toBeLessThan(300);
    expect((await post('unknown-before', 'contract.signed')).statusCode).toBeLessThan(300);
    expect(await recorded()).toEqual([{ type: 'deal', taxonomyVersion: 1 }]);

    // Version 2 calls the deepest action a contract, and a signed contract produces it too.
    const contract = DEFAULT_FUNNEL_TAXONOMY.map((rule) =>
      rule.action === 'deal'
        ? { ...rule, action: 'contract', eventTypes: ['deal.closed', 'contract.signed'] }
        : rule,
    );
    const saved = await fixture.app.inject({
      method: 'PUT',
      url: '/v1/funnel-taxonomy',
      headers: ADMIN,
      payload: { actions: contract },
    });
    expect(saved.json()).toMatchObject({ version: 2 });

    expect((await post('after', 'deal.closed')).statusCode).toBeLessThan(300);
    expect((await post('signed-after', 'contract.signed')).statusCode).toBeLessThan(300);
    expect(await recorded()).toEqual([
      { type: 'deal', taxonomyVersion: 1 },
      { type: 'contract', taxonomyVersion: 2 },
      { type: 'contract', taxonomyVersion: 2 },
    ]);
  });
});
