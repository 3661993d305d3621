import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyReport } from '@touchpoint/domain';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { OFFER_JOURNEY, seedPopulation } from '../measurement/seed-population';
import { serveBuilderBeside, type BuilderBesideProduct } from './builder-beside-product';
import { launchChromium, screenshotPath } from './chromium';

// The analyst's report in the real builder against the real product: a population seeded through the
// HTTP API (signups, sends on the time-skipping server, tracking hits, calls, bookings, purchases), then
// every figure the page shows compared with what the report API answers, in English and Russian, the
// CSV of a table read back, the canvas overlay, and the funnel taxonomy edited and saved.
const POPULATION = 40;
const LABELS = {
  open: 'Open',
  click: 'Click',
  call: 'Call',
  meeting: 'Meeting',
  booking: 'Booking',
  deal: 'Deal',
};
/** Step names the second version gives the measured journey's steps (ids stay the same). */
const STEP_NAMES: Record<string, string> = {
  entry: 'Signup',
  offer: 'Sofa offer',
  pause: 'Two days',
  reminder: 'Reminder',
  month: 'A month to buy',
  done: 'Done',
};

let tp: TestProduct;
let builder: BuilderBesideProduct;
let browser: Browser;
let page: Page;
let journeyId: string;

/**
 * Loads the app afresh at `hash`: going to a URL that differs only in its hash would keep the page,
 * and with it the pickers the previous test left.
 */
async function open(hash: string) {
  await page.goto('about:blank');
  await page.goto(`${builder.url}/${hash}`);
}

/** The app scrolls inside its main area, so a whole report is seen through a tall window. */
async function tallScreenshot(name: string) {
  await page.setViewportSize({ width: 1400, height: 3000 });
  await page.screenshot({ path: screenshotPath(name) });
  await page.setViewportSize({ width: 1400, height: 1000 });
}

const report = (query = '') => tp.call<JourneyReport>('GET', `/v1/journeys/${journeyId}/report${query}`);

// Figures written independently of the builder's formatting code, as a person reads them in English.
const n = (value: number) => value.toLocaleString('en-US');
const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const money = (value: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const days = (seconds: number | null) => {
  if (seconds === null) return '—';
  if (seconds >= 86_400) return `${n(Number((seconds / 86_400).toFixed(1)))} d`;
  if (seconds >= 3_600) return `${n(Number((seconds / 3_600).toFixed(1)))} h`;
  return `${n(Number((seconds / 60).toFixed(1)))} min`;
};

/** The body cells of one report table as shown (folded tables included). */
const readTable = (id: string) =>
  page
    .locator(`[data-testid="table-${id}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );

function expectedNodeRows(answer: JourneyReport): string[][] {
  return Object.entries(answer.nodes).map(([id, node]) => [
    STEP_NAMES[id] ?? id,
    n(node.reached),
    n(node.sent),
    n(node.delivered),
    ...answer.engagement.deepest.flatMap((level) => {
      const figure = node.actions.find((action) => action.action === level.action);
      return [n(figure?.count ?? 0), pct(figure?.rate ?? null)];
    }),
    n(node.converted),
    days(node.medianSecondsToConvert),
  ]);
}

const byFirstCell = (rows: string[][]) => [...rows].sort((a, b) => a[0]!.localeCompare(b[0]!));

async function expectPageShows(answer: JourneyReport) {
  await page.getByTestId('table-nodes').waitFor();
  expect(await page.getByTestId('figure-reached').locator('dd').textContent()).toBe(
    n(answer.engagement.reached),
  );
  expect(await page.getByTestId('figure-er').locator('dd').textContent()).toBe(pct(answer.engagement.rate));
  expect(await page.getByTestId('figure-enrolled').locator('dd').textContent()).toBe(
    n(answer.totals.enrolled),
  );
  const { reached, engaged, rate, deepest } = answer.engagement;
  expect(await readTable('funnel')).toEqual([
    ['Clients reached', n(reached), pct(1)],
    ...deepest.map((level) => [
      LABELS[level.action as keyof typeof LABELS],
      n(level.clients),
      pct(level.clients / reached),
    ]),
    ['Engaged (ER)', n(engaged), pct(rate)],
  ]);
  expect(await readTable('weekly')).toEqual(
    answer.weekly.map((week) => [week.week.slice(0, 10), n(week.reached), n(week.engaged), pct(week.rate)]),
  );
  expect(await readTable('curve')).toEqual(
    answer.curve.points.map((point) => [n(point.day), n(point.clients), pct(point.share)]),
  );
  const fromEntry = answer.timeToConvert.fromEntry;
  expect((await readTable('timeToConvert'))[0]).toEqual([
    'Entry',
    n(fromEntry.conversions),
    days(fromEntry.medianSeconds),
    days(fromEntry.p75Seconds),
    days(fromEntry.p90Seconds),
  ]);
  expect(await readTable('histogram')).toEqual(
    fromEntry.histogram.map((bin) => [
      n(bin.fromDay),
      bin.toDay === null ? '—' : n(bin.toDay),
      n(bin.conversions),
    ]),
  );
  expect(byFirstCell(await readTable('nodes'))).toEqual(byFirstCell(expectedNodeRows(answer)));
  const products = answer.products;
  expect(await readTable('products')).toEqual(
    (
      [
        ['The offered product', products.sameProduct],
        ['Same category', products.sameCategory],
        ['Another product', products.otherProduct],
        ['Message without an offer', products.noOffer],
      ] as const
    ).map(([label, figures]) => [label, n(figures.lines), n(figures.purchases), money(figures.revenue)]),
  );
}

beforeAll(async () => {
  tp = await startTestProduct({ name: 'builder-report' });
  journeyId = await seedPopulation(tp, POPULATION);
  // A second version names the steps; the clients stay on the first.
  const named = {
    ...OFFER_JOURNEY,
    nodes: OFFER_JOURNEY.nodes.map((node) => ({ ...node, name: STEP_NAMES[node.id] })),
  };
  await tp.call('PUT', `/v1/journeys/${journeyId}`, { name: 'Sofa', definition: named });
  await tp.call('POST', `/v1/journeys/${journeyId}/publish`, {});
  builder = await serveBuilderBeside(tp.apiUrl);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  // Every page load starts signed in and in English; a test that speaks Russian switches itself.
  await context.addInitScript((key) => {
    localStorage.setItem('touchpoint.apiKey', key);
    localStorage.setItem('touchpoint.locale', 'en');
  }, tp.adminKey);
  page = await context.newPage();
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await builder?.close();
  await tp?.stop();
});

describe('the journey report page', () => {
  it('is linked from the journey list, whose totals it repeats', async () => {
    await open('#/journeys');
    const row = page.locator('tr', { hasText: 'Sofa' });
    await row.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { name: 'Report: Sofa' }).waitFor();
    const answer = await report();
    await expectPageShows(answer);
    await open('#/journeys');
    await row.locator('td').nth(3).getByText(n(answer.totals.enrolled), { exact: true }).waitFor();
  });

  it('shows every figure the API serves, with the curve’s 80 % day and steps by name', async () => {
    await open(`#/journeys/${journeyId}/report`);
    const answer = await report();
    expect(answer.engagement.reached).toBeGreaterThan(30);
    expect(answer.totals.converted).toBeGreaterThan(0);
    await expectPageShows(answer);
    expect(answer.curve.day80).not.toBeNull();
    expect(await page.getByTestId('curve-day80').textContent()).toContain(
      `within ${answer.curve.day80} days`,
    );
    expect(await page.locator('[data-testid="chart-curve"] .chart-marker').getAttribute('data-x')).toBe(
      String(answer.curve.day80),
    );
    const bars = await page
      .locator('[data-testid="chart-funnel"] .chart-bar')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-value'))));
    expect(bars).toEqual(answer.engagement.deepest.map((level) => level.clients));
    await tallScreenshot('builder-30-report');
  });

  it('recomputes for another attribution rule, version and target action', async () => {
    await open(`#/journeys/${journeyId}/report`);
    await page.getByTestId('table-nodes').waitFor();
    await page.getByTestId('pick-attribution').selectOption('first');
    await page.getByTestId('pick-version').selectOption('1');
    await page.getByTestId('pick-target').selectOption('booking');
    const answer = await report('?attribution=first&version=1&target=booking');
    expect(answer.curve.target).toBe('booking');
    await waitUntil(
      async () => (await readTable('curve')).length === answer.curve.points.length,
      PATIENCE_MS,
      'the booking curve',
    );
    await expectPageShows(answer);
    // The second version has no clients: its report is empty, not an error.
    await page.getByTestId('pick-version').selectOption('2');
    await page.getByTestId('figure-reached').getByText('0', { exact: true }).waitFor();
  });

  it('exports a table as CSV with the raw figures', async () => {
    await open(`#/journeys/${journeyId}/report`);
    await page.getByTestId('table-nodes').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-nodes').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Sofa-nodes.csv');
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trimEnd().split('\r\n');
    const answer = await report();
    expect(header).toBe(
      [
        'Step,Clients reached,Sent,Delivered',
        ...answer.engagement.deepest.map((level) => {
          const label = LABELS[level.action as keyof typeof LABELS];
          return `${label},${label} %`;
        }),
        'Converted,Median time to convert',
      ].join(','),
    );
    const offer = answer.nodes['offer']!;
    const expected = [
      'Sofa offer',
      offer.reached,
      offer.sent,
      offer.delivered,
      ...offer.actions.flatMap((level) => [level.count, level.rate ?? '']),
      offer.converted,
      offer.medianSecondsToConvert ?? '',
    ].join(',');
    expect(lines).toContain(expected);
    expect(lines).toHaveLength(Object.keys(answer.nodes).length);
  });

  it('speaks Russian, figures unchanged', async () => {
    await open(`#/journeys/${journeyId}/report`);
    await page.getByTestId('table-nodes').waitFor();
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Шаги' }).waitFor();
    const answer = await report();
    const funnel = await readTable('funnel');
    expect(funnel.map((row) => row[0])).toEqual([
      'Охвачено клиентов',
      'Открытие',
      'Клик',
      'Звонок',
      'Встреча',
      'Бронь',
      'Сделка',
      'Вовлечено (ER)',
    ]);
    expect(funnel.map((row) => row[1])).toEqual([
      String(answer.engagement.reached),
      ...answer.engagement.deepest.map((level) => String(level.clients)),
      String(answer.engagement.engaged),
    ]);
    expect(await page.getByTestId('curve-day80').textContent()).toContain(
      `в течение ${answer.curve.day80} дн.`,
    );
    await tallScreenshot('builder-31-report-ru');
    await page.getByRole('button', { name: 'EN' }).click();
  });
});

describe('the canvas overlay', () => {
  it('puts each step’s funnel from the report on it', async () => {
    await open(`#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Results' }).click();
    await page.locator('.stats-bar input[type="number"]').fill('1');
    await page.locator('.stats-bar select').selectOption('all');
    const answer = await report('?version=1');
    const offer = answer.nodes['offer']!;
    const overlay = page.getByTestId('funnel-offer');
    await overlay.getByText(`◉ ${offer.reached}`).waitFor();
    const happened = offer.actions.filter((level) => level.count > 0);
    expect(happened.length).toBeGreaterThan(1);
    const shown = await overlay.locator('[data-action]').allTextContents();
    expect(shown).toEqual(
      happened.map(
        (level) => `${LABELS[level.action as keyof typeof LABELS]} ${level.count} (${pct(level.rate)})`,
      ),
    );
    expect(await overlay.textContent()).toContain(`✓ ${offer.delivered}`);
    expect(await overlay.textContent()).toContain(`★ ${offer.converted}`);
    // Drawn through the API, the journey has no positions yet: lay it out to look at it.
    await page.getByRole('button', { name: /Tidy up/ }).click();
    await page.getByRole('button', { name: /Fit to screen/ }).click();
    await page.screenshot({ path: screenshotPath('builder-32-canvas-funnel') });
  });
});

describe('a new funnel taxonomy', () => {
  it('recomputes the report the page shows', async () => {
    const longer = (
      await tp.call<{ actions: { action: string; windowDays: number }[] }>('GET', '/v1/funnel-taxonomy')
    ).actions.map((rule) => (rule.action === 'booking' ? { ...rule, windowDays: 30 } : rule));
    await tp.call('PUT', '/v1/funnel-taxonomy', { actions: longer });
    await open(`#/journeys/${journeyId}/report`);
    await page.getByText('Computed with funnel taxonomy version 2.').waitFor();
    await expectPageShows(await report());
  });
});
