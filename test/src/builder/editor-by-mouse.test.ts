import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBuilderServer } from './builder-server';
import { launchChromium, screenshotPath } from './chromium';

let server: Awaited<ReturnType<typeof startBuilderServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startBuilderServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript((key) => localStorage.setItem('touchpoint.apiKey', key), server.adminKey);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function dragFromPalette(kind: string, x: number, y: number): Promise<void> {
  await page.locator(`.palette-item[data-kind="${kind}"]`).dragTo(page.getByTestId('canvas'), {
    targetPosition: { x, y },
  });
}

async function connect(sourceId: string, port: string, targetId: string): Promise<void> {
  const from = await page.locator(`[data-testid="step-${sourceId}"] [data-handleid="${port}"]`).boundingBox();
  const to = await page.locator(`[data-testid="step-${targetId}"] .react-flow__handle-top`).boundingBox();
  if (!from || !to) throw new Error(`handles of ${sourceId}.${port} -> ${targetId} not visible`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe('the builder in Chromium', () => {
  it('draws a journey by mouse, shows a problem on its step, fixes it and publishes', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('new-journey').click();
    await page.getByTestId('canvas').waitFor();
    await page.screenshot({ path: screenshotPath('builder-01-empty-canvas') });

    await dragFromPalette('entry', 380, 60);
    await dragFromPalette('send', 380, 260);
    await dragFromPalette('exit', 380, 480);
    await connect('entry-1', 'out', 'send-1');
    await connect('send-1', 'sent', 'exit-1');
    await connect('send-1', 'unreachable', 'exit-1');
    await page.screenshot({ path: screenshotPath('builder-01b-connected') });
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);

    // The send has no template yet: the step itself says so and publishing is blocked.
    await expect.poll(() => page.locator('[data-testid="step-send-1"] .step-problems').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('builder-02-problem-on-step') });

    await page.locator('[data-testid="step-entry-1"]').click();
    await page.getByTestId('field-event-type').fill('purchase');
    await page.locator('[data-testid="step-send-1"]').click();
    await page.getByTestId('field-template').fill('win-back-email');
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('Ready to publish');
    await page.screenshot({ path: screenshotPath('builder-03-fixed') });

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: /Publish version 1/ }).click();
    await page.getByText('Version 1 is live').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('builder-04-published') });
  });

  it('builds the before / after checkpoint escalation on the ladder timeline and publishes it', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('new-journey').click();
    await page.getByTestId('canvas').waitFor();
    await dragFromPalette('entry', 380, 40);
    await dragFromPalette('escalationLadder', 380, 230);
    await dragFromPalette('exit', 380, 470);
    await connect('entry-1', 'out', 'escalationLadder-1');
    await connect('escalationLadder-1', 'done', 'exit-1');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    await page.locator('[data-testid="step-entry-1"]').click();
    await page.getByTestId('field-event-type').fill('purchase');
    await page.locator('[data-testid="step-escalationLadder-1"] .step-name').click();
    const editor = page.locator('.ladder-editor');
    // Two rungs to start with (remind at -3 d, stimulate at +5 d), neither has a template yet.
    await page.getByTestId('rung-template').fill('remind');
    await editor.locator('.ladder-rung').nth(1).click();
    await page.getByTestId('rung-template').fill('stimulate');
    await editor.getByRole('button', { name: /Add a step/ }).click();
    await editor.getByRole('checkbox', { name: 'sms' }).check();
    await editor.getByRole('checkbox', { name: 'email' }).check();
    await page.getByTestId('rung-template').fill('sms-offer');
    await editor.getByLabel('Discount, %').fill('10');
    expect(await editor.locator('.ladder-rung').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('builder-06-ladder-timeline') });
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('Ready to publish');

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: /Publish version 1/ }).click();
    await page.getByText('Version 1 is live').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('builder-07-ladder-published') });
  });

  it('shows the templates gallery in Russian', async () => {
    await page.goto(`${server.url}/#/templates`);
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByText('Шаблоны', { exact: true }).first().waitFor();
    expect(await page.locator('.template-card').count()).toBe(5);
    await page.screenshot({ path: screenshotPath('builder-05-templates-ru') });
  });
});
