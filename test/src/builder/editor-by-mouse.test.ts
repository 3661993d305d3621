import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BuilderServer } from './builder-server';
import {
  connect as connectSteps,
  dragFromPalette as dragFromPaletteTo,
  drawEscalationJourney,
  publishVersion,
  waitForCanvasToSettle,
} from './canvas-driver';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

let server: BuilderServer;
let page: Page;

useBuilderPage((world) => ({ server, page } = world));

const dragFromPalette = (kind: string, x: number, y: number) => dragFromPaletteTo(page, kind, x, y);
const connect = (source: string, port: string, target: string) => connectSteps(page, source, port, target);

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
    await page.getByTestId('template-picker').locator('[data-key="win-back-email"]').click();
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('Ready to publish');
    await page.screenshot({ path: screenshotPath('builder-03-fixed') });

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: /Publish version 1/ }).click();
    await page.getByText('Version 1 is live').waitFor();
    await page.screenshot({ path: screenshotPath('builder-04-published') });
  });

  it('builds the before / after checkpoint escalation on the ladder timeline and publishes it', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('new-journey').click();
    await page.getByTestId('canvas').waitFor();
    await drawEscalationJourney(page, 'purchase');
    const editor = page.locator('.ladder-editor');
    expect(await editor.locator('.ladder-rung').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('builder-06-ladder-timeline') });
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('Ready to publish');

    await publishVersion(page, 1);
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await waitForCanvasToSettle(page);
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
