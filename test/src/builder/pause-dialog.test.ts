import { randomUUID } from 'node:crypto';
import { and, enrollments, eq } from '@touchpoint/db';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sleepyJourney } from '../api/routed-api-fixture';
import { waitUntil } from '../harness/patience';
import { type BuilderServer, callAsAdmin } from './builder-server';
import { useBuilderWithJourneys } from './builder-with-journeys';
import { openSignedInPage, screenshotPath } from './chromium';

// The marketer pauses a journey with clients inside and is asked what happens to them. Clients
// really are inside: entered through POST /v1/events, routed, running on the dev server.
let server: BuilderServer;
let browser: Browser;

useBuilderWithJourneys('pause-dialog', (world) => ({ server, browser } = world));

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

const countEnrollments = async (journeyId: string, status: 'active' | 'exited') =>
  (
    await server.db
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.journeyId, journeyId), eq(enrollments.status, status)))
  ).length;

/** A published journey with `count` clients inside, entered by their own events. */
async function journeyWithClientsInside(name: string, count: number): Promise<string> {
  const type = `${randomUUID()}.visit`;
  const { id } = await call<{ id: string }>('POST', '/v1/journeys', {
    name,
    definition: sleepyJourney(type),
  });
  await call('POST', `/v1/journeys/${id}/publish`);
  await call('POST', '/v1/events', {
    events: Array.from({ length: count }, (_, i) => ({
      idempotencyKey: `${id}-${i}`,
      clientId: `${id}-client-${i}`,
      type,
      occurredAt: new Date().toISOString(),
    })),
  });
  await waitUntil(async () => (await countEnrollments(id, 'active')) === count, 60_000);
  return id;
}

const newPage = (locale: 'en' | 'ru'): Promise<Page> =>
  openSignedInPage(browser, { apiKey: server.adminKey, locale, viewport: { width: 1440, height: 900 } });

describe('the pause dialog', () => {
  it('asks in English what happens to clients inside, and shows them leaving', async () => {
    const journeyId = await journeyWithClientsInside('Win-back', 12);
    const page = await newPage('en');
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pause the journey' });
    await dialog.getByText('What happens to the clients already inside?').waitFor();
    expect(await dialog.getByRole('radio', { name: /They continue/ }).isChecked()).toBe(true);
    await page.screenshot({ path: screenshotPath('builder-60-pause-dialog-en') });

    await dialog.getByRole('radio', { name: /They leave now/ }).check();
    await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
    await dialog.getByText('Paused. All 12 clients have left the journey.').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('builder-61-pause-all-left-en') });
    expect(await countEnrollments(journeyId, 'exited')).toBe(12);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await page.locator('.status').textContent()).toMatch(/paused/i);
  }, 120_000);

  it('asks in Russian, and keeps clients inside when they continue', async () => {
    const journeyId = await journeyWithClientsInside('Возврат клиентов', 5);
    const page = await newPage('ru');
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Приостановить', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Приостановить цепочку' });
    await dialog.getByText('Что делать с клиентами, которые уже в цепочке?', { exact: false }).waitFor();
    await dialog.getByRole('radio', { name: /Продолжают/ }).check();
    await page.screenshot({ path: screenshotPath('builder-62-pause-dialog-ru') });
    await dialog.getByRole('button', { name: 'Приостановить', exact: true }).click();
    await dialog.getByText('Приостановлено. Клиенты в цепочке продолжают её.').waitFor();
    await page.screenshot({ path: screenshotPath('builder-63-pause-continue-ru') });
    expect(await countEnrollments(journeyId, 'active')).toBe(5);
    const { status } = await call<{ status: string }>('GET', `/v1/journeys/${journeyId}`);
    expect(status).toBe('paused');
  }, 120_000);

  it('shows Russian clients leaving to the last one', async () => {
    const journeyId = await journeyWithClientsInside('Напоминание', 8);
    const page = await newPage('ru');
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Приостановить', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Приостановить цепочку' });
    await dialog.getByRole('radio', { name: /Выходят сейчас/ }).check();
    await dialog.getByRole('button', { name: 'Приостановить', exact: true }).click();
    await dialog.getByText('Приостановлено. Все 8 клиентов вышли из цепочки.').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('builder-64-pause-all-left-ru') });
    expect(await countEnrollments(journeyId, 'exited')).toBe(8);
  }, 120_000);
});
