import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { JOURNEY_TEMPLATES } from '@touchpoint/builder';
import { clientFacts, clients } from '@touchpoint/db';
import { callAsAdmin, type BuilderServer } from './builder-server';
import { dragFromPalette } from './canvas-driver';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

let server: BuilderServer;
let page: Page;

const DAY_MS = 86_400_000;
// Ahead of whatever day the suite runs on, so the sample prefers this client's checkpoint.
const CHECKPOINT_AT = new Date(Math.ceil((Date.now() + 40 * DAY_MS) / DAY_MS) * DAY_MS + 9 * 3_600_000);

useBuilderPage((world) => ({ server, page } = world), {
  viewport: { width: 1400, height: 1000 },
  seed: async (started) => {
    const [client] = await started.db
      .insert(clients)
      .values({ externalId: 'C-1001', timeZone: 'Europe/Moscow' })
      .returning();
    await started.db.insert(clientFacts).values({
      clientId: client!.id,
      purchaseCount: 3,
      expectedNextPurchaseAt: CHECKPOINT_AT,
    });
  },
});

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

const createJourney = (name: string, definition: unknown) =>
  call<{ id: string }>('POST', '/v1/journeys', { name, definition });

const EMPTY = { schemaVersion: 1, nodes: [], edges: [] };

async function openNewJourney(): Promise<string> {
  await page.goto(`${server.url}/#/journeys`);
  await page.getByTestId('new-journey').click();
  await page.getByTestId('canvas').waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

const openStep = async (id: string) => {
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.locator(`[data-testid="step-${id}"] .step-name`).click();
};

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the canvas, as a marketer uses it', () => {
  it('says what is wrong with a step in words, naming the field, in English and Russian', async () => {
    await openNewJourney();
    await dragFromPalette(page, 'entry', 380, 80);
    await openStep('entry-1');
    const form = page.getByTestId('step-form');
    await form.getByLabel('Clients join when').selectOption({ label: 'they do something (an event)' });
    await page.getByTestId('field-event-type').fill('');
    const issues = form.locator('.form-issues');
    await issues.getByText('Client action (event): fill it in').waitFor();
    // The step on the canvas says it too, in the same words.
    await page
      .locator('[data-testid="step-entry-1"]')
      .getByText('Client action (event): fill it in')
      .waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/Too small|expected string|trigger\.event/);
    await page.screenshot({ path: screenshotPath('builder-60-friendly-validation-en') });

    await page.getByRole('button', { name: 'RU' }).click();
    await issues.getByText('Действие клиента (событие): заполните').waitFor();
    await page.screenshot({ path: screenshotPath('builder-61-friendly-validation-ru') });
    await page.getByRole('button', { name: 'EN' }).click();
  });

  it("shows the checkpoint a wait is timed against, with a real client's dates", async () => {
    await openNewJourney();
    await dragFromPalette(page, 'wait', 380, 80);
    await openStep('wait-1');
    const form = page.getByTestId('step-form');
    // The wait mode's label wraps its select, whose options read "Wait …" too: find it by its caption.
    await form
      .locator('label.field')
      .filter({ has: page.locator('span', { hasText: /^Wait$/ }) })
      .locator('select')
      .selectOption({ label: 'until days before / after the checkpoint' });
    await form.getByLabel('Days from the checkpoint (minus = before)').fill('-3');
    const sample = form.getByTestId('checkpoint-sample');
    const date = (at: Date) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Europe/Moscow' }).format(at);
    await sample.getByText(`client C-1001: checkpoint ${date(CHECKPOINT_AT)}`, { exact: false }).waitFor();
    await sample.getByText(`this step: ${date(new Date(CHECKPOINT_AT.getTime() - 3 * DAY_MS))}`).waitFor();
    expect(await sample.innerText()).toContain('Europe/Moscow');
    await page.screenshot({ path: screenshotPath('builder-62-checkpoint-sample') });

    await form
      .getByLabel('Timed against')
      .selectOption({ label: 'a date of the client (contract end, booking, birthday…)' });
    await form.getByLabel('Client date attribute').fill('contractEndsAt');
    await form.getByText('No client has this date yet').waitFor();
  });

  it('lays out a journey imported without positions, with arrows drawn over the steps', async () => {
    const welcome = JOURNEY_TEMPLATES.find((template) => template.id === 'welcome-series')!.definition;
    const { layout: _dropped, ...withoutLayout } = welcome as typeof welcome & { layout?: unknown };
    const { id } = await createJourney('Imported without layout', withoutLayout);
    await page.goto(`${server.url}/#/journeys/${id}`);
    const steps = page.locator('.react-flow__node');
    await expect.poll(() => steps.count()).toBe(welcome.nodes.length);
    const boxesOverlap = async () => {
      const boxes = (await Promise.all((await steps.all()).map((step) => step.boundingBox()))).filter(
        (box): box is Box => box !== null,
      );
      return boxes.some((box, index) => boxes.slice(index + 1).some((other) => overlaps(box, other)));
    };
    await expect.poll(boxesOverlap).toBe(false);
    await page.getByText('All changes saved').waitFor();
    const saved = await call<{ draft: { layout: Record<string, unknown> } }>('GET', `/v1/journeys/${id}`);
    expect(Object.keys(saved.draft.layout).sort()).toEqual(welcome.nodes.map((node) => node.id).sort());

    // Whatever lies under an arrow's middle, the arrow is what a click there (and the eye) meets first.
    const hidden = await page.evaluate(
      () =>
        [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].filter((path) => {
          const middle = path.getPointAtLength(path.getTotalLength() / 2);
          const matrix = path.getScreenCTM();
          if (!matrix) return true;
          const point = new DOMPoint(middle.x, middle.y).matrixTransform(matrix);
          const top = document.elementFromPoint(point.x, point.y);
          return !top?.closest('.react-flow__edge');
        }).length,
    );
    expect(hidden).toBe(0);
    await page.screenshot({ path: screenshotPath('builder-63-imported-laid-out') });
  });

  it('names the journey a hand-over step sends clients to', async () => {
    await createJourney('VIP care programme', EMPTY);
    await openNewJourney();
    await dragFromPalette(page, 'startJourney', 380, 80);
    await openStep('startJourney-1');
    await page.getByTestId('journey-picker').selectOption({ label: 'VIP care programme' });
    await page.locator('[data-testid="step-startJourney-1"]').getByText('→ VIP care programme').waitFor();
    await page.screenshot({ path: screenshotPath('builder-64-hand-over-named') });
  });

  it('adds a goal that ends the journey on purchase without a time limit', async () => {
    const journeyId = await openNewJourney();
    const settings = page.getByTestId('journey-settings');
    await settings.getByTestId('add-goal').click();
    expect(await settings.getByLabel('Counts only soon enough after joining').isChecked()).toBe(false);
    expect(await settings.getByLabel('Within').count()).toBe(0);
    await page.getByText('All changes saved').waitFor();
    const saved = await call<{ draft: { goal: unknown } }>('GET', `/v1/journeys/${journeyId}`);
    expect(saved.draft.goal).toEqual({ event: { type: 'purchase', filters: [] } });
  });

  it('searches the journey list, pages through it, hides archived ones and ellipsises long names', async () => {
    const longName = `Quarterly reactivation of lapsed loyalty members across every region ${'and channel '.repeat(6)}`;
    for (let index = 1; index <= 22; index += 1) await createJourney(`Spring promo ${index}`, EMPTY);
    await createJourney(longName.trim(), EMPTY);
    const archived = await createJourney('Spring promo archived', EMPTY);
    await call('POST', `/v1/journeys/${archived.id}/archive`);

    await page.goto(`${server.url}/#/journeys`);
    const rows = page.locator('.journey-table tbody tr');
    await expect.poll(() => rows.count()).toBe(20);
    expect(await page.getByText('Spring promo archived').count()).toBe(0);

    const name = page.locator('.journey-name', { hasText: 'Quarterly reactivation' });
    expect(await name.evaluate((cell) => cell.scrollWidth > cell.clientWidth)).toBe(true);
    expect(await name.locator('a').getAttribute('title')).toBe(longName.trim());
    await page.screenshot({ path: screenshotPath('builder-65-journey-list') });

    await page.getByTestId('journey-search').click();
    await page.keyboard.type('spring PROMO');
    // The search has applied once the long-named journey is gone from the list.
    await expect.poll(() => page.getByText('Quarterly reactivation').count()).toBe(0);
    await expect.poll(() => page.getByTestId('journey-page').innerText()).toBe('Page 1');
    await expect.poll(() => rows.count()).toBe(20);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByTestId('journey-page').getByText('Page 2').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByTestId('journey-page').getByText('Page 1').waitFor();

    await page.getByLabel('Show archived').check();
    await page.getByTestId('journey-page').getByText('Page 1').waitFor();
    await page.getByTestId('journey-search').fill('archived');
    await page.locator('.journey-table').getByText('Spring promo archived').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('builder-66-journey-search') });
  });

  it('publishes with steps named, and says so when nothing changed instead of making a copy', async () => {
    const welcome = JOURNEY_TEMPLATES.find((template) => template.id === 'welcome-series')!.definition;
    const broken = {
      ...welcome,
      nodes: welcome.nodes.map((node) =>
        node.id === 'nudge' ? { ...node, config: { ...node.config, templateId: 'retired-nudge' } } : node,
      ),
    };
    const { id } = await createJourney('Welcome, published from the builder', broken);
    await page.goto(`${server.url}/#/journeys/${id}`);
    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    // Only the server knows the template is gone: its answer names the step, not the node id.
    await dialog
      .getByText('Gentle nudge: There is no message template "retired-nudge": pick one from the list')
      .waitFor();
    expect(await dialog.innerText()).not.toContain('⚠ nudge');
    await page.screenshot({ path: screenshotPath('builder-67-publish-problems-named') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.locator('[data-testid="step-nudge"] .step-name').click();
    await page.getByTestId('template-picker').locator('[data-key="welcome-nudge"]').click();
    await page.getByTestId('step-form').getByLabel('Step name').fill('Second nudge');
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await dialog.getByText('Version 1 is live').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.locator('[data-testid="step-offer-a"] .step-name').click();
    await page.getByTestId('step-form').getByLabel('Step name').fill('Free delivery, by email');
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    const summary = dialog.getByRole('textbox');
    await expect.poll(() => summary.inputValue()).toBe('changed: Free delivery, by email');
    await page.screenshot({ path: screenshotPath('builder-68-publish-summary-named') });
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await dialog.getByText('Version 2 is live').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Only a step moved: nothing that runs changed, so no version 3.
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByRole('button', { name: 'Publish version 3' }).click();
    await dialog.getByText('Nothing has changed since version 2, so no new version was made.').waitFor();
    await page.screenshot({ path: screenshotPath('builder-69-publish-unchanged') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    const versions = await call<{ items: unknown[] }>('GET', `/v1/journeys/${id}/versions`);
    expect(versions.items).toHaveLength(2);
  });
});
