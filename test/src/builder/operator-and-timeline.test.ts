import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCallTask } from '@touchpoint/domain';
import { type BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

let server: BuilderServer;
let page: Page;

async function call(method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

useBuilderPage((world) => ({ server, page } = world), {
  // The story's rows, written through the API before the browser opens.
  seed: async (started) => {
    server = started;
    await call('PUT', '/v1/clients/anna', { phone: '+15551234567', attributes: { name: 'Anna Petrova' } });
    // Seed 004's rhythm: purchases 90 and 60 days apart, the last one 120 days ago (overdue).
    const day = 86_400_000;
    const last = Date.now() - 120 * day;
    await call('POST', '/v1/purchases', {
      purchases: [last - 150 * day, last - 60 * day, last].map((at, index) => ({
        idempotencyKey: `anna-${index}`,
        clientId: 'anna',
        purchasedAt: new Date(at).toISOString(),
        value: 100 + index * 50,
      })),
    });
    await call('POST', '/v1/operators', { name: 'Olga Operator', email: 'olga@example.com' });
    await createCallTask(server.db, {
      idempotencyKey: 'story-call',
      clientId: 'anna',
      nodeId: 'ladder/call/send',
      dueAt: new Date(Date.now() - 60_000).toISOString(),
      priority: 80,
      script: 'Hello Anna! We have not seen you for a while: here is 15% off your next order.',
      offer: { offerId: 'discount', percent: 15 },
    });
  },
});

describe('operator page and client timeline', () => {
  it('shows the call with the client card, script and offer, and records the outcome', async () => {
    await page.goto(`${server.url}/#/operator`);
    await page.getByTestId('call-task-anna').waitFor();
    await page.locator('.client-card').getByText('Anna Petrova').waitFor();
    expect(await page.locator('.script').textContent()).toContain('15% off');
    expect(await page.getByText('Late for a purchase').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('builder-08-operator') });

    await page.getByTestId('operator-picker').selectOption({ label: 'Olga Operator' });
    await page.getByRole('button', { name: 'Take this call' }).click();
    await page.getByRole('button', { name: 'Booked', exact: true }).click();
    await page.getByText('No calls waiting').waitFor();
  });

  it('tells everything that happened to the client', async () => {
    await page.goto(`${server.url}/#/clients/anna`);
    await page.locator('.timeline li').first().waitFor();
    expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: screenshotPath('builder-09-client-timeline') });
  });
});
