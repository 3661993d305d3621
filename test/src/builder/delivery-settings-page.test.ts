import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callAsAdmin, type BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

// The delivery settings page against the real API: the built-in settings shown as sentences, the
// server's 400 issues under the field each names, a change saved as version 2 (then read back through
// the API and listed from the audit trail), a stale save refused, all in English and Russian.
let server: BuilderServer;
let page: Page;

useBuilderPage((world) => ({ server, page } = world));

interface SettingsVersion {
  version: number;
  savedBy: string | null;
  policy: {
    overallCaps: { max: number; windowHours: number }[];
    channelCaps: Record<string, { max: number; windowHours: number }[]>;
    quietHours: Record<string, { start: string; end: string }>;
    fallbackTimeZone: string;
  };
}

const field = (name: string) => page.locator(`[data-field="${name}"]`);

describe('the delivery settings page', () => {
  it('shows the built-in settings, names each bad field, and saves a new version', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByRole('link', { name: 'Delivery' }).click();
    await page.getByTestId('delivery-version').getByText('Version 1. The built-in settings.').waitFor();
    // The built-in policy: three messages a week, one SMS a day, nights quiet on email, SMS and calls.
    expect(await field('overallCaps.0.max').inputValue()).toBe('3');
    expect(await field('overallCaps.0.windowHours').inputValue()).toBe('7');
    expect(await field('channelCaps.sms.0.max').inputValue()).toBe('1');
    expect(await field('quietHours.sms.start').inputValue()).toBe('22:00');
    expect(await page.getByTestId('quiet-webhook').getByText('Sends at any hour.').count()).toBe(1);
    await page.getByTestId('delivery-history').getByText('No changes yet').waitFor();

    // A cap of "lots" a day and a time zone nobody has: the server names both, the form shows each there.
    await field('overallCaps.0.max').fill('lots');
    await field('fallbackTimeZone').fill('Mars/Olympus');
    await page.getByTestId('delivery-save').click();
    const capError = page.locator('[data-testid="caps-overallCaps"] .cap-row.has-error .field-error');
    await capError.waitFor();
    expect(await capError.textContent()).toMatch(/number/i);
    const zoneError = page.locator('.zone-row.has-error .field-error');
    expect(await zoneError.textContent()).toContain('IANA time zone');
    await page.screenshot({ path: screenshotPath('builder-60-delivery-errors') });
    expect((await callAsAdmin<SettingsVersion>(server, 'GET', '/v1/delivery-settings')).version).toBe(1);

    // Fixed by keyboard and mouse: two a week overall, an email limit of one per 12 hours, quiet SMS
    // evenings from 20:30, no quiet hours for calls, Moscow for clients without a zone.
    await field('overallCaps.0.max').fill('2');
    await page
      .getByTestId('caps-channelCaps.email')
      .getByRole('button', { name: /Add a limit/ })
      .click();
    await field('channelCaps.email.0.windowHours').fill('12');
    await page.getByLabel('Email: days / hours', { exact: true }).selectOption('hours');
    await field('quietHours.sms.start').fill('20:30');
    await page.getByLabel('Quiet hours on Call', { exact: true }).uncheck();
    await field('fallbackTimeZone').fill('Europe/Moscow');
    await page.getByTestId('delivery-save').click();
    await page.getByRole('status').getByText('Saved as version 2').waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    await page.getByTestId('delivery-version').getByText('by admin').waitFor();
    await page.getByTestId('delivery-history').getByText('admin saved version 2').waitFor();
    await page.screenshot({ path: screenshotPath('builder-61-delivery-saved'), fullPage: true });

    const saved = await callAsAdmin<SettingsVersion>(server, 'GET', '/v1/delivery-settings');
    expect(saved).toMatchObject({ version: 2, savedBy: 'admin' });
    expect(saved.policy).toEqual({
      overallCaps: [{ max: 2, windowHours: 168 }],
      channelCaps: { email: [{ max: 1, windowHours: 12 }], sms: [{ max: 1, windowHours: 24 }] },
      quietHours: { email: { start: '22:00', end: '08:00' }, sms: { start: '20:30', end: '08:00' } },
      fallbackTimeZone: 'Europe/Moscow',
    });
  });

  it('refuses to save over a version saved meanwhile, and reloads to it', async () => {
    await page.goto(`${server.url}/#/settings/delivery`);
    await page.getByTestId('delivery-version').getByText('Version 2.').waitFor();
    // Another admin saves from elsewhere while this page is open.
    await callAsAdmin(server, 'PUT', '/v1/delivery-settings', {
      baseVersion: 2,
      policy: { fallbackTimeZone: 'UTC' },
    });
    await field('overallCaps.0.max').fill('4');
    await page.getByTestId('delivery-save').click();
    await page.getByTestId('delivery-stale').getByText('Someone saved version 3').waitFor();
    await page.getByTestId('delivery-stale').getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('delivery-version').getByText('Version 3.').waitFor();
    expect(await page.locator('[data-field="overallCaps.0.max"]').count()).toBe(0);

    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Настройки доставки' }).waitFor();
    await page.getByTestId('delivery-history').getByText('admin сохранил(а) версию 3').waitFor();
    await page.screenshot({ path: screenshotPath('builder-62-delivery-ru'), fullPage: true });
    await page.getByRole('button', { name: 'EN' }).click();
  });
});
