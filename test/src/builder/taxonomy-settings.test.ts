import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuilderServer, type BuilderServer } from './builder-server';
import { launchChromium, screenshotPath } from './chromium';

// The funnel taxonomy settings page against the real API: the default funnel shown, the server's
// 400 issues shown under the field each names, a fixed funnel saved as a new version, in EN and RU.
let server: BuilderServer;
let browser: Browser;
let page: Page;

const call = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${server.adminKey}` },
  });
  expect(response.ok, path).toBe(true);
  return (await response.json()) as T;
};

async function open(hash: string) {
  await page.goto(`${server.url}/${hash}`);
}

beforeAll(async () => {
  server = await startBuilderServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript((key) => {
    localStorage.setItem('touchpoint.apiKey', key);
    localStorage.setItem('touchpoint.locale', 'en');
  }, server.adminKey);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the funnel taxonomy settings', () => {
  const field = (row: number, name: string) =>
    page.locator(`[data-testid="taxonomy-row-${row}"] [data-field="${name}"]`);

  it('shows each error under its field and saves a new version', async () => {
    await open('#/journeys');
    await page.getByRole('link', { name: 'Funnel' }).click();
    await page.getByTestId('taxonomy-version').getByText('Version 1.').waitFor();
    expect(await page.locator('[data-testid^="taxonomy-row-"]').count()).toBe(6);
    expect(await field(4, 'labels.ru').inputValue()).toBe('Бронь');
    // A blank Russian label: the server names the field, the form shows it there.
    await field(2, 'labels.ru').fill('');
    await page.getByTestId('taxonomy-save').click();
    const labelError = page.locator('[data-testid="taxonomy-row-2"] td.has-error');
    await labelError.locator('[data-field="labels.ru"]').waitFor();
    expect(await labelError.locator('.field-error').textContent()).not.toBe('');
    // An event type under two actions (checked once every action parses): named on its row and item.
    await field(2, 'labels.ru').fill('Звонок');
    await field(1, 'eventTypes').fill('sms.clicked, email.opened');
    await page.getByTestId('taxonomy-save').click();
    const typeError = page.locator('[data-testid="taxonomy-row-1"] td.has-error .field-error');
    await typeError.waitFor();
    expect(await typeError.textContent()).toContain('#2: event type "email.opened" already produces "open"');
    expect(await page.locator('[data-testid="taxonomy-row-2"] td.has-error').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('builder-33-taxonomy-errors') });
    expect((await call<{ version: number }>('/v1/funnel-taxonomy')).version).toBe(1);

    await field(1, 'eventTypes').fill('email.clicked, sms.clicked');
    await field(4, 'windowDays').fill('30');
    await page.getByTestId('taxonomy-save').click();
    await page.getByRole('status').getByText('Saved as version 2').waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    const saved = await call<{ version: number; actions: { action: string; windowDays: number }[] }>(
      '/v1/funnel-taxonomy',
    );
    expect(saved.version).toBe(2);
    expect(saved.actions.map((rule) => [rule.action, rule.windowDays])).toEqual([
      ['open', 5],
      ['click', 5],
      ['call', 7],
      ['meeting', 14],
      ['booking', 30],
      ['deal', 30],
    ]);
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('columnheader', { name: 'Окно, дней' }).waitFor();
    await page.screenshot({ path: screenshotPath('builder-34-taxonomy-ru') });
    await page.getByRole('button', { name: 'EN' }).click();
  });
});
