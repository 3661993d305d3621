import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

// A segment large enough to arrive in several pieces: the export's bar moves through values between
// empty and full as the rows stream in, and the file holds every member.
const DAY_MS = 86_400_000;
const CLIENTS = 12_000;

let server: BuilderServer;
let page: Page;

async function call(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

useBuilderPage(
  (world) => {
    page = world.page;
  },
  {
    seed: async (started) => {
      server = started;
      // One recent purchase each: every client is "new" (1–2 purchases, at most 90 days ago).
      const now = Date.now();
      for (let start = 0; start < CLIENTS; start += 6_000) {
        const purchases = Array.from({ length: 6_000 }, (_, i) => ({
          idempotencyKey: `big-${start + i}`,
          clientId: `big-${String(start + i).padStart(5, '0')}`,
          purchasedAt: new Date(now - (1 + ((start + i) % 80)) * DAY_MS).toISOString(),
          value: 10 + ((start + i) % 90),
        }));
        await call('POST', '/v1/purchases', { purchases });
      }
      await call('POST', '/v1/segmentation/recompute', { asOf: new Date(now).toISOString() });
    },
  },
);

describe('exporting a large segment', () => {
  it('moves the progress bar as the rows arrive and saves them all', async () => {
    await page.goto(`${server.url}/#/segments/lifecycle`);
    await page.getByTestId('lifecycle-grid').locator('[data-row="1"][data-column="0"]').click();
    const panel = page.getByTestId('segment-panel');
    await panel.getByRole('heading', { name: 'New' }).waitFor();
    // Every bar state the page draws, recorded in the page on each frame (the download is too quick
    // to sample from here).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenProgress: string[] }).seenProgress = seen;
      const record = () => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="segment-export"] progress');
        const state = bar ? `${bar.value}/${bar.max}` : '';
        if (state && seen.at(-1) !== state) seen.push(state);
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    await panel
      .getByRole('status')
      .getByText(`${CLIENTS.toLocaleString('en')} clients downloaded`)
      .waitFor();
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(CLIENTS + 1);
    const seen = await page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress);
    const partial = seen
      .map((state) => state.split('/').map(Number) as [number, number])
      .filter(([value, max]) => max === CLIENTS && value > 0 && value < max);
    expect(partial.length, seen.join(' ')).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('segments-12-export-large'), fullPage: true });
  });
});
