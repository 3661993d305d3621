import { enrollments, eq } from '@touchpoint/db';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BuilderServer, callAsAdmin } from './builder-server';
import { useBuilderWithJourneys } from './builder-with-journeys';
import { openSignedInPage, screenshotPath } from './chromium';

// Audiences from the builder, against the real API on a real Temporal dev server: a segment
// picker that says how many clients match now, with some of them; clients enrolled into a live
// journey by hand and from a CSV whose id column the marketer maps, with the job's progress and its
// rejected rows — in English and Russian.
let server: BuilderServer;
let browser: Browser;
const KAZAN = ['aud-01', 'aud-03', 'aud-05', 'aud-07', 'aud-09'];

useBuilderWithJourneys('audiences', async (world) => {
  ({ server, browser } = world);
  for (let i = 1; i <= 10; i += 1) {
    const id = `aud-${String(i).padStart(2, '0')}`;
    await call('PUT', `/v1/clients/${id}`, {
      email: `${id}@example.com`,
      attributes: { city: KAZAN.includes(id) ? 'Kazan' : 'Moscow' },
    });
  }
  await call('POST', '/v1/segments', {
    key: 'kazan',
    name: 'Kazan clients',
    rule: { kind: 'attribute', key: 'city', op: 'eq', value: 'Kazan' },
  });
  await call('POST', '/v1/segmentation/recompute', {});
});

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

const openPage = (locale: 'en' | 'ru'): Promise<Page> =>
  openSignedInPage(browser, { apiKey: server.adminKey, locale, viewport: { width: 1400, height: 900 } });

/** Entered by hand (or a CSV), then asleep for 30 days: every client enrolled stays active. */
function manualJourney(trigger: unknown) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', name: 'Who enters', kind: 'entry', config: { trigger } },
      { id: 'nap', kind: 'wait', config: { mode: 'duration', duration: { amount: 30, unit: 'days' } } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { id: 'a', source: 'entry', sourcePort: 'out', target: 'nap' },
      { id: 'b', source: 'nap', sourcePort: 'out', target: 'done' },
    ],
    settings: { reentry: 'once' },
    layout: { entry: { x: 0, y: 0 }, nap: { x: 0, y: 180 }, done: { x: 0, y: 360 } },
  };
}

const enrolledIds = async (journeyId: string) =>
  (
    await server.db
      .select({ clientId: enrollments.clientId })
      .from(enrollments)
      .where(eq(enrollments.journeyId, journeyId))
  ).length;

describe('audiences in the builder', () => {
  it('shows how many clients a chosen segment matches now, with some of them, in English and Russian', async () => {
    const journey = await call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Kazan autumn',
      definition: manualJourney({ kind: 'segment', segment: 'R3F3M3', on: 'enter' }),
    });
    for (const locale of ['en', 'ru'] as const) {
      const page = await openPage(locale);
      await page.goto(`${server.url}/#/journeys/${journey.id}`);
      await page.locator('[data-testid="step-entry"] .step-name').click();
      const picker = page.getByTestId('segment-picker');
      await picker.selectOption({ label: 'Kazan clients' });
      const count = page.getByTestId('audience-count');
      await count
        .getByText(locale === 'en' ? '5 clients match now' : 'Сейчас подходят клиентов: 5')
        .waitFor();
      const sample = await page.getByTestId('audience-sample').locator('a').allTextContents();
      expect(sample).toEqual(KAZAN);
      await page.screenshot({ path: screenshotPath(`audiences-01-segment-count-${locale}`) });
      // By keyboard: the picker moves to another segment and the count follows.
      await picker.focus();
      await picker.press('ArrowUp');
      await expect.poll(() => picker.inputValue()).not.toBe('kazan');
      await picker.selectOption('kazan');
      await count.waitFor();
    }
  });

  it('enrolls clients by hand into the live version, naming the ids it could not enroll', async () => {
    const journey = await call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Manual welcome',
      definition: manualJourney({ kind: 'manual' }),
    });
    await call('POST', `/v1/journeys/${journey.id}/publish`, {});
    const page = await openPage('en');
    await page.goto(`${server.url}/#/journeys/${journey.id}`);
    await page.getByTestId('enroll-open').click();
    const dialog = page.getByRole('dialog', { name: 'Enroll clients into the live version' });
    await dialog.getByTestId('manual-ids').fill('aud-01\naud-02, nobody');
    await dialog.getByRole('button', { name: 'Enroll 3 clients' }).click();
    await dialog.getByText('2 enrolled into version 1.').waitFor();
    expect(await dialog.getByTestId('manual-result').textContent()).toContain('nobody: no such client');
    await page.screenshot({ path: screenshotPath('audiences-02-manual-enrolled') });
    // The run writes its enrollment row itself, once its workflow starts.
    await expect.poll(() => enrolledIds(journey.id)).toBe(2);
  });

  it('enrolls from a CSV with the id column mapped, shows the progress and the rejected rows, in Russian', async () => {
    const journey = await call<{ id: string }>('POST', '/v1/journeys', {
      name: 'CSV import',
      definition: manualJourney({ kind: 'manual' }),
    });
    await call('POST', `/v1/journeys/${journey.id}/publish`, {});
    await call('POST', `/v1/journeys/${journey.id}/enrollments`, { clientIds: ['aud-10'] });
    const rows = ['aud-03', 'aud-04', 'aud-05', 'ghost-1', 'aud-03', 'aud-10', 'aud-06'];
    const csv = ['Имя;Номер клиента', ...rows.map((id, i) => `Клиент ${i};${id}`)].join('\n');
    const page = await openPage('ru');
    await page.goto(`${server.url}/#/journeys/${journey.id}`);
    await page.getByTestId('enroll-open').click();
    const dialog = page.getByRole('dialog', { name: 'Запустить клиентов в действующую версию' });
    await dialog.getByRole('tab', { name: 'Из файла CSV' }).click();
    await dialog
      .getByTestId('csv-file')
      .setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The first column holds names: the marketer maps the id column by its header.
    const column = dialog.getByTestId('csv-column');
    expect(await column.inputValue()).toBe('Имя');
    await column.selectOption('Номер клиента');
    await dialog.getByTestId('csv-upload').click();
    await dialog.locator('[data-testid="csv-job"][data-status="completed"]').waitFor();
    expect(await dialog.getByTestId('csv-summary').textContent()).toBe(
      'Готово: 7 из 7 строк, запущено 4, отклонено 3.',
    );
    expect(await dialog.getByTestId('csv-progress').getAttribute('value')).toBe('100');
    const rejected = await dialog.getByTestId('rejected-rows').locator('tbody tr').allInnerTexts();
    expect(rejected.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      '5 ghost-1 такого клиента нет',
      '6 aud-03 уже был выше в файле',
      '7 aud-10 уже в этой цепочке (правило повторного входа не даёт запустить снова)',
    ]);
    await page.screenshot({ path: screenshotPath('audiences-03-csv-ru') });
    await expect.poll(() => enrolledIds(journey.id)).toBe(5);
  });
});
