import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type BuilderServer } from './builder-server';
import { dragFromPalette, publishVersion, waitForCanvasToSettle } from './canvas-driver';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

let server: BuilderServer;
let page: Page;

useBuilderPage((world) => ({ server, page } = world));

const steps = () => page.locator('.react-flow__node').count();
const step = (id: string) => page.locator(`[data-testid="step-${id}"] .step-name`);

describe('editing tools', () => {
  it('opens a template, copies / pastes / undoes / deletes by keyboard and multi-selects', async () => {
    await page.goto(`${server.url}/#/templates`);
    await page.getByTestId('template-welcome-series').getByRole('button').click();
    await page.getByTestId('canvas').waitFor();
    await expect.poll(steps).toBe(8);
    await page.screenshot({ path: screenshotPath('builder-10-template-in-editor') });

    await step('nudge').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(steps).toBe(9);
    await page.keyboard.press('Control+z');
    await expect.poll(steps).toBe(8);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(steps).toBe(9);
    await page.keyboard.press('Delete');
    await expect.poll(steps).toBe(8);

    await step('offer-a').click();
    await step('offer-b').click({ modifiers: ['Control'] });
    expect(await page.locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press('Control+a');
    expect(await page.locator('.react-flow__node.selected').count()).toBe(8);

    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    // Arrows are drawn above the cards, and this template's exits to "Finished" cross the split's middle:
    // click the name where it starts, as a person would, not where a line runs over it.
    await step('ab').click({ position: { x: 6, y: 6 } });
    const variants = page.locator('.item-list');
    await variants.getByLabel('%').first().fill('70');
    await variants.getByText('Σ 120%').waitFor();
    await page.screenshot({ path: screenshotPath('builder-14-random-split-form') });
    await variants.getByLabel('%').nth(1).fill('30');
    await variants.getByText('Σ 100%').waitFor();

    // A second action to wait for becomes a second exit handle on the step; undo takes it back.
    await step('opened').click();
    await page.locator('.item-list').getByRole('button', { name: '+ Add' }).click();
    await page.getByTestId('exit-event-1').fill('email.clicked');
    const ports = () => page.locator('[data-testid="step-opened"] .step-port').count();
    await expect.poll(ports).toBe(3);
    await page.screenshot({ path: screenshotPath('builder-17-wait-exits') });
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(ports).toBe(2);
  });

  it('publishes, then compares the edited draft with version 1 on the canvas', async () => {
    // The dialog proposes a summary from the version list; on a slow server that answer comes after the
    // marketer has begun typing, and must not overwrite their words. The list is held until they have.
    const versionList = '**/v1/journeys/*/versions';
    let releaseVersionList!: () => void;
    const typed = new Promise<void>((resolve) => (releaseVersionList = resolve));
    await page.route(versionList, async (route) => {
      await typed;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Publish' }).click();
    // The proposed change summary is editable; what the marketer writes is what history shows.
    await page.getByLabel('What changed').fill('First cut of the welcome series');
    const proposal = page.waitForResponse(versionList);
    releaseVersionList();
    await proposal;
    await page.unroute(versionList);
    await page.getByRole('button', { name: /Publish version 1/ }).click();
    await page.getByText('Version 1 is live').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();

    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await step('welcome').click();
    await page.locator('.side-panel').getByLabel('Step name').fill('Warm welcome');
    await page.locator('.palette-item[data-kind="wait"]').click();
    await page.getByRole('button', { name: 'Versions' }).click();
    await page
      .locator('.versions .version-summary', { hasText: 'First cut of the welcome series' })
      .waitFor();
    await page.locator('.versions').getByRole('button', { name: 'Compare' }).first().click();
    await expect.poll(() => page.locator('.step.diff-changed').count()).toBe(1);
    expect(await page.locator('.step.diff-added').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('builder-11-version-diff') });

    // Autosave: the step's and the journey's new names survive a reload.
    await page.getByLabel('Journey name').fill('Spring welcome');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByText('All changes saved').waitFor();
    await page.reload();
    await step('welcome').getByText('Warm welcome').waitFor();
    expect(await page.getByLabel('Journey name').inputValue()).toBe('Spring welcome');
  });

  it('pauses and resumes the live journey', async () => {
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // Pausing asks what happens to clients inside; they continue unless the marketer says otherwise.
    const dialog = page.getByRole('dialog', { name: 'Pause the journey' });
    await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
    await dialog.getByText('Paused. Clients inside continue their journey.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('.status', { hasText: 'Paused' }).waitFor();
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.locator('.status', { hasText: 'Live' }).waitFor();
  });

  it('compares two published versions on a read-only canvas', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await step('wait-1').click();
    await page.keyboard.press('Delete');
    await publishVersion(page, 2);
    await page.getByRole('button', { name: 'Versions' }).click();
    await expect.poll(() => page.locator('.versions li').count()).toBe(2);
    for (const row of await page.locator('.versions li').all()) await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Version 1 → version 2' }).click();
    const compared = page.getByTestId('compare-canvas');
    await expect.poll(() => compared.locator('.step.diff-changed').count()).toBe(1);
    expect(await compared.locator('.step.diff-added').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('builder-16-compare-versions') });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('speaks Russian in the editor', async () => {
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByText('Шаги', { exact: true }).waitFor();
    await page.keyboard.press('Shift+L');
    await waitForCanvasToSettle(page);
    await page.screenshot({ path: screenshotPath('builder-12-editor-ru') });
    await page.getByRole('button', { name: 'EN' }).click();
  });

  it('sets the journey goal and who can join, checked by the language schemas and saved with the draft', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('new-journey').click();
    const settings = page.getByTestId('journey-settings');
    await settings.waitFor();
    const problems = page.locator('.problem-list');

    await settings.getByTestId('add-goal').click();
    await settings.getByTestId('goal-event-type').fill('');
    await problems.getByText('Journey goal — Client action (event): fill it in').waitFor();
    expect(await settings.getByTestId('goal-event-type').locator('xpath=..').getAttribute('class')).toContain(
      'invalid',
    );
    await settings.getByTestId('goal-event-type').fill('booking.completed');
    await settings.getByRole('button', { name: '+ Add a condition' }).click();
    await settings.getByLabel('Property').fill('total');
    await settings.getByLabel('Comparison').selectOption({ label: 'at least' });
    await settings.getByLabel('Value').fill('100');
    expect(await settings.getByLabel('Within').count()).toBe(0);
    await settings.getByLabel('Counts only soon enough after joining').check();
    await settings.getByLabel('Within').fill('14');
    await expect
      .poll(() => problems.getByText('Journey goal — Client action (event): fill it in').count())
      .toBe(0);

    await settings.getByLabel('A client can join').selectOption({ label: 'again after leaving' });
    await settings.getByTestId('entry-from').fill('2026-12-10T09:00');
    await settings.getByTestId('entry-until').fill('2026-12-01T09:00');
    await problems.getByText('swap the dates').waitFor();
    await settings.getByTestId('entry-until').fill('2026-12-31T18:00');
    await expect.poll(() => problems.getByText('swap the dates').count()).toBe(0);
    await settings.getByTestId('timezone-fallback').fill('Europe/Moscow');
    await page.screenshot({ path: screenshotPath('builder-25-journey-settings') });
    await page.getByText('All changes saved').waitFor();

    const journeyId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    const response = await fetch(`${server.url}/v1/journeys/${encodeURIComponent(journeyId)}`, {
      headers: { authorization: `Bearer ${server.adminKey}` },
    });
    const { draft } = (await response.json()) as { draft: { goal: unknown; settings: { reentry: string } } };
    expect(draft.goal).toEqual({
      event: { type: 'booking.completed', filters: [{ property: 'total', op: 'gte', value: 100 }] },
      window: { amount: 14, unit: 'days' },
    });
    expect(draft.settings).toMatchObject({ reentry: 'afterExit', timezoneFallback: 'Europe/Moscow' });

    await page.reload();
    expect(await settings.getByLabel('Value').inputValue()).toBe('100');
    expect(await settings.getByTestId('entry-until').inputValue()).toBe('2026-12-31T18:00');

    // The entering event takes conditions the same way.
    await dragFromPalette(page, 'entry', 380, 120);
    await page.locator('[data-testid="step-entry-1"] .step-name').click();
    const form = page.getByTestId('step-form');
    await form.getByTestId('field-event-type').fill('order.placed');
    await form.getByRole('button', { name: '+ Add a condition' }).click();
    await form.getByLabel('Property').fill('channel');
    await form.getByLabel('Comparison').selectOption({ label: 'is one of' });
    await form.getByLabel('Value').fill('web, app');
    await page.getByText('All changes saved').waitFor();
    await expect
      .poll(async () => {
        const saved = (await (
          await fetch(`${server.url}/v1/journeys/${encodeURIComponent(journeyId)}`, {
            headers: { authorization: `Bearer ${server.adminKey}` },
          })
        ).json()) as { draft: { nodes: { config: unknown }[] } };
        return saved.draft.nodes[0]?.config;
      })
      .toEqual({
        trigger: {
          kind: 'event',
          event: {
            type: 'order.placed',
            filters: [{ property: 'channel', op: 'in', value: ['web', 'app'] }],
          },
        },
      });
  });
});
