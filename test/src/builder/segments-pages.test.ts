import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BuilderServer } from './builder-server';
import { callAsAdmin } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

// The segmentation pages in the real builder against the real API: 48 clients with purchases posted and
// segmented through the API, then the RFM heatmap, the lifecycle grid, the moves and the segment
// editor driven by mouse and keyboard, each figure checked against the API's own answer.
const DAY_MS = 86_400_000;
const NOW = Date.now();
const CUTS = { recencyDays: [30, 90], purchaseCount: [1, 3], totalValue: [100, 300] };

let server: BuilderServer;
let page: Page;
let newPage: (options?: { locale?: 'en' | 'ru' }) => Promise<Page>;

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

async function seed(started: BuilderServer) {
  server = started;
  const current = await call<{ settings: { lifecycle: unknown } }>('GET', '/v1/segmentation');
  await call('PUT', '/v1/segmentation', {
    settings: { rfm: { kind: 'fixed', ...CUTS }, lifecycle: current.settings.lifecycle },
  });
  const orders = [];
  for (let i = 0; i < 48; i += 1) {
    const clientId = `seg-${String(i).padStart(2, '0')}`;
    await call('PUT', `/v1/clients/${clientId}`, {
      email: `${clientId}@example.com`,
      attributes: { city: i % 2 === 0 ? 'Moscow' : 'Kazan' },
    });
    const count = (i % 5) + 1;
    const last = NOW - (2 + ((i * 29) % 400)) * DAY_MS;
    for (let n = 0; n < count; n += 1)
      orders.push({
        idempotencyKey: `${clientId}-${n}`,
        clientId,
        purchasedAt: new Date(last - n * (12 + (i % 30)) * DAY_MS).toISOString(),
        value: 20 + ((i * 13 + n * 31) % 130),
      });
  }
  await call('POST', '/v1/purchases', { purchases: orders });
  // Two recomputes three weeks apart: the second moves clients on, inside the moves page's default 30 days.
  await call('POST', '/v1/segmentation/recompute', { asOf: new Date(NOW - 21 * DAY_MS).toISOString() });
  await call('POST', '/v1/segmentation/recompute', { asOf: new Date(NOW).toISOString() });
}

useBuilderPage(
  (world) => {
    page = world.page;
    newPage = world.newPage;
  },
  { seed },
);

interface RfmCell {
  cell: string;
  clients: number;
  revenue: number;
  segmentId: string | null;
}

describe('the segmentation pages', () => {
  it('shows the RFM heatmap, a cell’s members, its export and a journey started for it', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByRole('link', { name: 'Segments' }).click();
    const heatmap = page.getByTestId('rfm-heatmap');
    await heatmap.waitFor();
    const rfm = await call<{ cells: RfmCell[] }>('GET', '/v1/segmentation/rfm');
    const drawn = await heatmap
      .locator('.rfm-cell')
      .evaluateAll((cells) =>
        cells.map((cell) => [cell.getAttribute('data-cell'), Number(cell.getAttribute('data-value'))]),
      );
    expect(Object.fromEntries(drawn)).toEqual(Object.fromEntries(rfm.cells.map((c) => [c.cell, c.clients])));
    await page.screenshot({ path: screenshotPath('segments-01-rfm-heatmap'), fullPage: true });

    await page.getByRole('radio', { name: 'Revenue' }).click();
    const revenue = await heatmap
      .locator('.rfm-cell')
      .evaluateAll((cells) =>
        cells.map((cell) => [cell.getAttribute('data-cell'), Number(cell.getAttribute('data-value'))]),
      );
    expect(Object.fromEntries(revenue)).toEqual(
      Object.fromEntries(rfm.cells.map((c) => [c.cell, c.revenue])),
    );

    const biggest = [...rfm.cells].sort((a, b) => b.clients - a.clients)[0]!;
    await heatmap.locator(`[data-cell="${biggest.cell}"]`).click();
    const panel = page.getByTestId('segment-panel');
    await panel
      .getByRole('heading', {
        name: new RegExp(`^R${biggest.cell[1]} F${biggest.cell[3]} M${biggest.cell[5]} — `),
      })
      .waitFor();
    await expect.poll(() => panel.getByTestId('segment-members').locator('li').count()).toBe(biggest.clients);

    // The keyboard reaches another cell: focus it, then Enter opens it.
    const other = rfm.cells.find((c) => c.cell !== biggest.cell && c.clients > 0)!;
    await heatmap.locator(`[data-cell="${other.cell}"]`).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => panel.getAttribute('aria-label'))
      .toContain(`R${other.cell[1]} F${other.cell[3]} M${other.cell[5]}`);
    await expect.poll(() => panel.getByTestId('segment-members').locator('li').count()).toBe(other.clients);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('client_id,email_sha256,phone_sha256');
    expect(csv).toHaveLength(other.clients + 1);
    await panel.getByRole('status').getByText(`${other.clients} clients downloaded`).waitFor();
    expect(await panel.locator('progress').getAttribute('value')).toBe('1');
    await page.screenshot({ path: screenshotPath('segments-02-rfm-cell'), fullPage: true });

    await panel.getByRole('button', { name: 'Start a journey for it' }).click();
    await page.waitForURL(/#\/journeys\/[^/]+$/);
    const journeyId = decodeURIComponent(page.url().split('#/journeys/')[1]!);
    const journey = await call<{ name: string; draft: { nodes: { kind: string; config: unknown }[] } }>(
      'GET',
      `/v1/journeys/${journeyId}`,
    );
    expect(journey.name).toContain(`R${other.cell[1]} F${other.cell[3]} M${other.cell[5]}`);
    expect(journey.draft.nodes[0]).toMatchObject({
      kind: 'entry',
      config: { trigger: { kind: 'segment', segment: other.cell, on: 'enter' } },
    });
  });

  it('draws the lifecycle grid with each stage outlined and named, and opens a stage', async () => {
    await page.goto(`${server.url}/#/segments/rfm`);
    await page.getByRole('link', { name: 'Lifecycle grid' }).click();
    const grid = page.getByTestId('lifecycle-grid');
    await grid.waitFor();
    const answer = await call<{ cells: { row: number; column: number; clients: number; stage: string }[] }>(
      'GET',
      '/v1/segmentation/lifecycle',
    );
    const drawn = await grid
      .locator('.lifecycle-cell')
      .evaluateAll((cells) =>
        cells.map((cell) => [
          `${cell.getAttribute('data-row')}:${cell.getAttribute('data-column')}`,
          `${cell.getAttribute('data-stage')}=${cell.getAttribute('data-value')}`,
        ]),
      );
    expect(Object.fromEntries(drawn)).toEqual(
      Object.fromEntries(answer.cells.map((c) => [`${c.row}:${c.column}`, `${c.stage}=${c.clients}`])),
    );
    const names = await grid.locator('.stage-name').allTextContents();
    expect(names.sort()).toEqual(['Best', 'Former best', 'Former new', 'Highest potential', 'New']);
    // Best is rows 3–5 × the first three columns: a 3 × 3 block, twelve cell edges around it.
    expect(await grid.locator('.stage-outline[data-stage="best"] line').count()).toBe(4 * 3);
    await page.screenshot({ path: screenshotPath('segments-03-lifecycle'), fullPage: true });

    const formerBest = answer.cells.filter((c) => c.stage === 'former-best');
    await grid.locator(`[data-row="5"][data-column="8"]`).click();
    const panel = page.getByTestId('segment-panel');
    await panel.getByRole('heading', { name: 'Former best' }).waitFor();
    const members = formerBest.reduce((n, c) => n + c.clients, 0);
    await expect.poll(() => panel.getByTestId('segment-members').locator('li').count()).toBe(members);
    await page.getByRole('radio', { name: 'Revenue' }).click();
    await page.screenshot({ path: screenshotPath('segments-04-lifecycle-revenue'), fullPage: true });
  });

  it('shows the moves between cells and stages for a chosen period', async () => {
    await page.goto(`${server.url}/#/segments/lifecycle`);
    await page.getByRole('link', { name: 'Moves' }).click();
    const table = page.getByTestId('moves-table');
    await table.waitFor();
    const readTable = () =>
      table.locator('td[data-moves]').evaluateAll((cells) =>
        cells
          .filter((cell) => cell.getAttribute('data-moves') !== '0')
          .map(
            (cell) =>
              `${cell.getAttribute('data-from')}>${cell.getAttribute('data-to')}=${cell.getAttribute('data-moves')}`,
          )
          .sort(),
      );
    const day = (time: number) => new Date(time).toISOString().slice(0, 10);
    const expected = async (family: string, fromDay: string, toDay: string) => {
      const to = new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY_MS).toISOString();
      const answer = await call<{ moves: { from: string | null; to: string | null; moves: number }[] }>(
        'GET',
        `/v1/segmentation/transitions?family=${family}&from=${fromDay}T00:00:00.000Z&to=${to}`,
      );
      return answer.moves.map((m) => `${m.from ?? '∅'}>${m.to ?? '∅'}=${m.moves}`).sort();
    };
    const lifecycle = await expected('lifecycle', day(NOW - 30 * DAY_MS), day(NOW));
    expect(lifecycle.some((move) => !move.startsWith('∅'))).toBe(true);
    await expect.poll(readTable).toEqual(lifecycle);
    await page.screenshot({ path: screenshotPath('segments-05-moves-lifecycle'), fullPage: true });

    // RFM cells, over the last week only: the moves of the recompute three weeks ago drop out.
    await page.getByTestId('moves-family').selectOption('rfm');
    await page.getByTestId('moves-from').fill(day(NOW - 7 * DAY_MS));
    const rfm = await expected('rfm', day(NOW - 7 * DAY_MS), day(NOW));
    expect(rfm.length).toBeGreaterThan(0);
    await expect.poll(readTable).toEqual(rfm);
    await page.screenshot({ path: screenshotPath('segments-06-moves-rfm'), fullPage: true });
  });

  it('builds a segment with a live estimate, shows the server’s error under the field, saves and deletes it', async () => {
    await page.goto(`${server.url}/#/segments/saved`);
    await page.getByTestId('segment-new').click();
    const editor = page.getByTestId('segment-editor');
    await editor.locator('[data-field="key"] input').fill('moscow-regulars');
    await editor.locator('[data-field="name"] input').fill('Moscow regulars');
    // The starting rule: at least two purchases.
    const count = editor.getByTestId('estimate-count');
    const estimateOf = async (rule: unknown) =>
      (await call<{ count: number }>('POST', '/v1/segments/estimate', { rule })).count;
    const twoPurchases = { kind: 'fact', fact: 'purchaseCount', op: 'gte', value: 2 };
    await expect
      .poll(() => count.getAttribute('data-count'))
      .toBe(String(await estimateOf({ kind: 'and', rules: [twoPurchases] })));

    // A value that is not a number: the server's issue appears under that very field.
    const value = editor.locator('[data-path="rules.0"] [data-field="value"]');
    await value.locator('input').fill('two');
    await value.locator('.field-error').waitFor();
    expect(await value.getAttribute('class')).toContain('has-error');
    await page.screenshot({ path: screenshotPath('segments-07-editor-error'), fullPage: true });
    await value.locator('input').fill('2');
    await value.locator('.field-error').waitFor({ state: 'detached' });

    // And the city attribute is Moscow, by keyboard: pick the kind, then type into its fields.
    await editor.getByTestId('rule-add').last().selectOption('attribute');
    const attribute = editor.locator('[data-path="rules.1"]');
    await attribute.locator('[data-field="value"] input').focus();
    await page.keyboard.type('Moscow');
    // But not tagged blocked: a group of its own, its tag typed over the default.
    await editor.getByTestId('rule-add').last().selectOption('not');
    const tag = editor.locator('[data-path="rules.2.rule.rules.0"] [data-field="tag"] input');
    await tag.fill('');
    await tag.focus();
    await page.keyboard.type('blocked');
    const rule = {
      kind: 'and',
      rules: [
        twoPurchases,
        { kind: 'attribute', key: 'city', op: 'eq', value: 'Moscow' },
        { kind: 'not', rule: { kind: 'or', rules: [{ kind: 'tag', tag: 'blocked', has: true }] } },
      ],
    };
    const expectedCount = await estimateOf(rule);
    expect(expectedCount).toBeGreaterThan(0);
    await expect.poll(() => count.getAttribute('data-count')).toBe(String(expectedCount));
    await page.screenshot({ path: screenshotPath('segments-08-editor'), fullPage: true });

    await page.keyboard.press('Enter');
    const listed = page.getByTestId('segment-list').getByRole('button', { name: /Moscow regulars/ });
    await listed.waitFor();
    const saved = await call<{ items: { id: string; key: string; rule: unknown }[] }>('GET', '/v1/segments');
    const created = saved.items.find((s) => s.key === 'moscow-regulars');
    expect(created?.rule).toEqual(rule);

    // The daily recount fills its members and the count over time.
    await call('POST', '/v1/segmentation/recompute', { asOf: new Date().toISOString() });
    await page.getByRole('link', { name: 'Moves' }).click();
    await page.getByRole('link', { name: 'Saved segments' }).click();
    await page
      .getByTestId('segment-list')
      .getByRole('button', { name: /Moscow regulars/ })
      .click();
    const history = page.getByTestId('segment-history');
    await history.waitFor();
    expect(
      await history
        .locator('.chart-bar')
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-value'))),
    ).toEqual([String(expectedCount)]);
    await page.screenshot({ path: screenshotPath('segments-08b-saved-segment'), fullPage: true });
    await page.getByTestId('segment-editor').getByTestId('segment-delete').click();
    await page.getByTestId('segment-list').getByText('No saved segments yet.').waitFor();
    const after = await call<{ items: { key: string }[] }>('GET', '/v1/segments');
    expect(after.items.some((s) => s.key === 'moscow-regulars')).toBe(false);
  });

  it('speaks Russian: cell names, stages and the editor', async () => {
    const ru = await newPage({ locale: 'ru' });
    await ru.goto(`${server.url}/#/segments/rfm`);
    await ru.getByRole('link', { name: 'Сегменты', exact: true }).waitFor();
    await ru.getByText('M3 — крупные суммы').waitFor();
    await ru.locator('[data-cell="R1F1M1"]').click();
    await ru
      .getByTestId('segment-panel')
      .getByRole('heading', { name: 'R1 F1 M1 — давно ушли, редко, малые суммы' })
      .waitFor();
    await ru.getByRole('button', { name: 'Запустить цепочку' }).waitFor();
    await ru.screenshot({ path: screenshotPath('segments-09-rfm-ru'), fullPage: true });
    await ru.getByRole('link', { name: 'Жизненный цикл' }).click();
    await ru.getByTestId('lifecycle-grid').locator('.stage-name', { hasText: 'Бывшие лучшие' }).waitFor();
    await ru.screenshot({ path: screenshotPath('segments-10-lifecycle-ru'), fullPage: true });
    await ru.getByRole('link', { name: 'Сохранённые сегменты' }).click();
    await ru.getByTestId('segment-new').click();
    await ru
      .getByTestId('estimate-count')
      .getByText(/Подходит клиентов сейчас/)
      .waitFor();
    await ru.screenshot({ path: screenshotPath('segments-11-editor-ru'), fullPage: true });
  });
});
