import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// The offer a send names reaches the real mail with every stored field (value, kind, product,
// validity, attributes), rendered exactly as the template preview renders it for the same client
// and offer: preview and send load the offer through one function.
const OFFER = {
  key: 'spring-15',
  name: 'Spring sale',
  kind: 'percentDiscount',
  value: 15,
  productSku: 'SKU-42',
  validFrom: '2026-03-01T12:00:00Z',
  validUntil: '2026-03-31T12:00:00Z',
  attributes: { code: 'SPRING15' },
};

const TEMPLATE = {
  channel: 'email',
  key: 'spring-mail',
  name: 'Spring offer',
  format: 'html',
  subject: '{{ offer.name }}: {{ offer.value }}% for {{ client.firstName }}',
  body: [
    '<p>Take {{ offer.value }}% off {{ offer.productSku }} ({{ offer.kind }}) with code {{ offer.code }}.</p>',
    '<p>Valid {{ offer.validFrom | date: "%Y-%m-%d" }} to {{ offer.validUntil | date: "%Y-%m-%d" }}.</p>',
    '<p>Offer {{ offer.offerId }}.</p>',
  ].join(''),
};

const JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'browsed' } } } },
    {
      id: 'offer-mail',
      kind: 'send',
      config: {
        channels: ['email'],
        templateId: 'spring-mail',
        offer: { offerId: 'spring-15', params: {} },
        quietHours: 'skip',
      },
    },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'offer-mail' },
    { id: 'e2', source: 'offer-mail', sourcePort: 'sent', target: 'done' },
    { id: 'e3', source: 'offer-mail', sourcePort: 'unreachable', target: 'done' },
  ],
  settings: {},
  layout: {},
};

describe('the offer of a send', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'offer-in-send' });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('shows in the real mail exactly as the preview renders it', async () => {
    const offer = await tp.call('POST', '/v1/offers', OFFER);
    const template = await tp.call('POST', '/v1/templates', TEMPLATE);
    const journey = await tp.call('POST', '/v1/journeys', { name: 'Spring', definition: JOURNEY });
    await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    await tp.call('PUT', '/v1/clients/crm-offer-1', {
      email: 'olga@example.com',
      attributes: { firstName: 'Olga' },
      consent: { email: { status: 'granted', updatedAt: new Date().toISOString() } },
    });
    await tp.call('POST', '/v1/events', {
      idempotencyKey: 'browsed-crm-offer-1',
      clientId: 'crm-offer-1',
      type: 'browsed',
      occurredAt: new Date().toISOString(),
    });
    await tp.mailbox.waitForCount(1, 30_000);
    const [mail] = tp.mailbox.listMessages();

    const preview = await tp.call<{ subject: string; text: string }>(
      'POST',
      `/v1/templates/${String(template.id)}/preview`,
      { clientId: 'crm-offer-1', offerId: offer.id },
    );
    expect(preview.subject).toBe('Spring sale: 15% for Olga');
    expect(preview.text).toContain('Take 15% off SKU-42 (percentDiscount) with code SPRING15.');
    expect(preview.text).toContain('Valid 2026-03-01 to 2026-03-31.');
    expect(preview.text).toContain('Offer spring-15.');
    expect(mail?.subject).toBe(preview.subject);
    expect(mail?.text.trim()).toBe(preview.text.trim());
  });
});
