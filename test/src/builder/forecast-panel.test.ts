import { offers, templates } from '@touchpoint/db';
import { DEFAULT_CDNOW_FILE, importCdnow } from '@touchpoint/engine/cli/import-cdnow';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTemplates } from '../channels/send-fixtures';
import { contactProfile } from '../simulation/cdnow-live-run';
import { callAsAdmin, type BuilderServer } from './builder-server';
import { launchChromium, openSignedInPage, screenshotPath } from './chromium';
import { startSimulatingBuilderServer, type SimulatingBuilderServer } from './simulating-builder-server';

// The marketer has seed 004's chain live and wonders what the draft would change: the Forecast panel
// opens on the live version beside the draft, runs both over the CDNOW clients from 1997-06-01 with a
// progress bar, and draws each side by side: arrivals per step, sends per channel per day, call tasks
// per day against the capacity typed in. Then the same panel in Russian.
const CLIENTS = 40;
let server: BuilderServer;
let simulating: SimulatingBuilderServer | undefined;
let browser: Browser;
let journeyId: string;

beforeAll(async () => {
  simulating = await startSimulatingBuilderServer();
  server = simulating.server;
  await server.db
    .insert(templates)
    .values({
      key: 'sms-offer',
      channel: 'sms',
      name: 'Offer SMS',
      format: 'text',
      body: '{{ offer.percent }}% off your next order',
    })
    .onConflictDoNothing();
  for (const key of ['remind', 'stimulate', 'sms-offer', 'call-script']) await seedTemplates(server.db, key);
  await server.db
    .insert(offers)
    .values({ key: 'discount', name: 'Discount', kind: 'percentDiscount', value: 5 })
    .onConflictDoNothing();
  await importCdnow({ db: server.db, file: DEFAULT_CDNOW_FILE, limitClients: CLIENTS });
  for (let index = 0; index < CLIENTS; index += 1)
    await callAsAdmin(
      server,
      'PUT',
      `/v1/clients/cdnow-${String(index + 1).padStart(5, '0')}`,
      contactProfile(index),
    );
  const created = await callAsAdmin<{ id: string }>(server, 'POST', '/v1/journeys', {
    name: 'Lifecycle chain',
    definition: SEED_004_JOURNEY,
  });
  journeyId = created.id;
  await callAsAdmin(server, 'POST', `/v1/journeys/${journeyId}/publish`, {});
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await simulating?.close();
});

const newPage = (locale: 'en' | 'ru'): Promise<Page> =>
  openSignedInPage(browser, { apiKey: server.adminKey, locale, viewport: { width: 1440, height: 1400 } });

/** The labels of a column's arrivals-per-step bars, as drawn beside them. */
const stepLabels = (page: Page, version: string): Promise<string[]> =>
  page
    .getByTestId(`forecast-${version}-steps`)
    .locator('.chart-bar')
    .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-label') ?? ''));

describe('the Forecast panel', () => {
  it('forecasts the live version beside the draft over CDNOW clients, with the call-center capacity drawn', async () => {
    const page = await newPage('en');
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    const panel = page.getByTestId('forecast-panel');
    // A live journey opens as a dry run of a change: the live version beside the draft.
    await panel.locator('[data-testid="forecast-version"] option[value="1"]').waitFor({ state: 'attached' });
    expect(await panel.getByTestId('forecast-version').inputValue()).toBe('1');
    expect(await panel.getByTestId('forecast-compare').inputValue()).toBe('draft');
    await panel.getByTestId('forecast-horizon').fill('30');
    await panel.getByTestId('forecast-start').fill('1997-06-01');
    await panel.getByTestId('forecast-capacity').fill('1');
    await panel.getByRole('button', { name: 'Run the forecast' }).click();
    await panel.getByTestId('forecast-progress').waitFor({ timeout: 60_000 });
    const report = page.getByTestId('forecast-report');
    await report.waitFor({ timeout: 600_000 });

    for (const version of ['1', 'draft']) {
      const column = report.getByTestId(`forecast-${version}`);
      expect(await column.getByTestId(`forecast-${version}-summary`).textContent()).toContain(
        `${CLIENTS} entered`,
      );
      expect(
        await column.getByTestId(`forecast-${version}-steps`).locator('.chart-bar').count(),
      ).toBeGreaterThan(2);
      expect(await column.getByTestId(`forecast-${version}-sends`).locator('.chart-bar').count()).toBe(31);
      expect(await column.getByTestId(`forecast-${version}-calls-limit`).textContent()).toBe('capacity 1');
      // Steps are named as the client timeline names them, never by a compiled id (`ladder/remind/wait`).
      const labels = await stepLabels(page, version);
      expect(labels).toContain('Remind, stimulate, escalate, step 1 (waiting for its day)');
      expect(labels).toContain('Remind, stimulate, escalate, step 1 (message)');
      expect(labels.filter((label) => label.includes('/'))).toEqual([]);
    }
    expect(await report.getByTestId('forecast-1').locator('h3').textContent()).toBe(
      `Version 1: ${CLIENTS} clients over 30 days`,
    );
    expect(await report.getByTestId('forecast-draft').locator('h3').textContent()).toBe(
      `The draft: ${CLIENTS} clients over 30 days`,
    );
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('builder-82-forecast-en'), fullPage: true });

    const ru = await newPage('ru');
    await ru.goto(`${server.url}/#/journeys/${journeyId}`);
    await ru.getByRole('button', { name: 'Прогноз', exact: true }).click();
    const panelRu = ru.getByTestId('forecast-panel');
    await panelRu.getByTestId('forecast-compare').selectOption('');
    await panelRu.getByTestId('forecast-horizon').fill('10');
    await panelRu.getByTestId('forecast-start').fill('1997-06-01');
    await panelRu.getByRole('button', { name: 'Запустить прогноз' }).click();
    const reportRu = ru.getByTestId('forecast-report');
    await reportRu.waitFor({ timeout: 600_000 });
    expect(await reportRu.locator('h3').allTextContents()).toEqual([
      `Версия 1: ${CLIENTS} клиентов за 10 дн.`,
    ]);
    expect(await reportRu.getByText('Задач колл-центра в день').count()).toBe(1);
    expect(await stepLabels(ru, '1')).toContain(
      'Remind, stimulate, escalate, ступень 1 (ожидание своего дня)',
    );
    await ru.screenshot({ path: screenshotPath('builder-83-forecast-ru'), fullPage: true });
  }, 900_000);
});
