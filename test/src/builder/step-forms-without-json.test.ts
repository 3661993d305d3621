import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NODE_SCHEMAS } from '@touchpoint/language';
import { type BuilderServer } from './builder-server';
import { dragFromPalette } from './canvas-driver';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

let server: BuilderServer;
let page: Page;

useBuilderPage((world) => ({ server, page } = world), { viewport: { width: 1400, height: 1000 } });

type SavedNode = { id: string; kind: keyof typeof NODE_SCHEMAS; config: unknown };

async function readDraftNodes(journeyId: string): Promise<SavedNode[]> {
  const response = await fetch(`${server.url}/v1/journeys/${encodeURIComponent(journeyId)}`, {
    headers: { authorization: `Bearer ${server.adminKey}` },
  });
  return ((await response.json()) as { draft: { nodes: SavedNode[] } }).draft.nodes;
}

const openStep = async (id: string) => {
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.locator(`[data-testid="step-${id}"] .step-name`).click();
};

describe('step settings without JSON', () => {
  it('builds a condition branch and an update-client step with form controls and saves them', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('new-journey').click();
    await page.getByTestId('canvas').waitFor();
    const journeyId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    const form = page.getByTestId('step-form');

    await dragFromPalette(page, 'conditionSplit', 380, 120);
    await openStep('conditionSplit-1');
    const branch = form.getByTestId('branch-0');
    await branch.getByLabel('Branch 1: name').fill('Big spenders');
    const rows = branch.locator('.cond-row');
    await rows.nth(0).getByLabel('What to check').selectOption({ label: 'A segment' });
    await rows.nth(0).getByLabel('Segment').fill('R1F3M3');
    await branch.getByRole('button', { name: '+ Add a check' }).click();
    await rows.nth(1).getByLabel('What to check').selectOption({ label: 'Amount spent on purchases' });
    await rows.nth(1).getByLabel('Comparison').selectOption({ label: 'at least' });
    await rows.nth(1).getByLabel('Amount').fill('5000');
    await rows.nth(1).getByLabel('in the last, days').fill('90');
    await branch.getByRole('button', { name: '+ Add a check' }).click();
    await rows.nth(2).getByLabel('What to check').selectOption({ label: 'A client field' });
    await rows.nth(2).getByLabel('Client field').fill('city');
    await rows.nth(2).getByLabel('Comparison').selectOption({ label: 'is one of' });
    await rows.nth(2).getByLabel('Value').fill('Moscow, Kazan');
    await branch
      .getByLabel('How the checks combine')
      .selectOption({ label: 'at least one of these is true' });
    await expect.poll(() => form.locator('.form-issues').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('builder-40-condition-form-en') });

    await dragFromPalette(page, 'updateClient', 380, 420);
    await openStep('updateClient-1');
    const fields = form.getByTestId('set-attributes');
    await fields.getByRole('button', { name: '+ Set a field' }).click();
    await fields.getByRole('button', { name: '+ Set a field' }).click();
    await fields.getByLabel('Field').nth(0).fill('status');
    await fields.getByLabel('New value').nth(0).fill('lapsed');
    await fields.getByLabel('Field').nth(1).fill('score');
    await fields.getByLabel('New value').nth(1).fill('42');
    const addTags = form.getByTestId('add-tags').locator('input');
    await addTags.fill('win-back');
    await addTags.press('Enter');
    await addTags.fill('vip');
    await addTags.press(',');
    const removeTags = form.getByTestId('remove-tags').locator('input');
    await removeTags.fill('new');
    await removeTags.press('Enter');
    await form.getByRole('button', { name: 'Remove the tag vip' }).click();
    await addTags.fill('loyal');
    await addTags.press('Enter');
    await expect.poll(() => form.locator('.form-issues').count()).toBe(0);
    // The escape hatch stays closed and follows the form.
    const json = form.locator('.json-editor');
    expect(await json.getAttribute('open')).toBeNull();
    expect(await json.locator('textarea').inputValue()).toContain('"score": 42');
    await page.screenshot({ path: screenshotPath('builder-41-update-client-form-en') });

    // Wait for an action: the action's own conditions are rows too.
    await dragFromPalette(page, 'waitForEvent', 700, 420);
    await openStep('waitForEvent-1');
    await form.getByTestId('exit-event-0').fill('purchase');
    await form.getByRole('button', { name: '+ Only when…' }).click();
    await form.getByLabel('Property').fill('total');
    await form.getByLabel('Comparison').selectOption({ label: 'at least' });
    await form.getByLabel('Value').fill('100');
    await page.screenshot({ path: screenshotPath('builder-44-wait-filters-en') });

    await page.getByText('All changes saved').waitFor();
    const byId = async () => new Map((await readDraftNodes(journeyId)).map((node) => [node.id, node]));
    await expect
      .poll(async () => (await byId()).get('updateClient-1')?.config)
      .toEqual({
        setAttributes: { status: 'lapsed', score: 42 },
        addTags: ['win-back', 'loyal'],
        removeTags: ['new'],
      });
    const saved = await byId();
    expect(saved.get('waitForEvent-1')?.config).toMatchObject({
      exits: [{ event: { type: 'purchase', filters: [{ property: 'total', op: 'gte', value: 100 }] } }],
    });
    expect(saved.get('conditionSplit-1')?.config).toEqual({
      branches: [
        {
          id: 'yes',
          name: 'Big spenders',
          condition: {
            match: 'any',
            predicates: [
              { kind: 'segment', segment: 'R1F3M3', isMember: true },
              { kind: 'spend', op: 'gte', value: 5000, withinDays: 90 },
              { kind: 'attribute', attribute: 'city', op: 'in', value: ['Moscow', 'Kazan'] },
            ],
          },
        },
      ],
    });
    for (const node of saved.values())
      expect(NODE_SCHEMAS[node.kind].safeParse(node).success, node.id).toBe(true);
  });

  it('labels the same forms in Russian', async () => {
    await page.getByRole('button', { name: 'RU' }).click();
    await openStep('updateClient-1');
    await page.getByText('Изменить поля клиента').waitFor();
    await page.screenshot({ path: screenshotPath('builder-43-update-client-form-ru') });
    await openStep('conditionSplit-1');
    await page.getByText('Клиент идёт по этой ветке, если').waitFor();
    await page.screenshot({ path: screenshotPath('builder-42-condition-form-ru') });
    await page.getByRole('button', { name: 'EN' }).click();
  });

  it('sets a call step to wait for its outcome, with an exit for the outcomes chosen', async () => {
    const journeyId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    const form = page.getByTestId('step-form');
    await dragFromPalette(page, 'send', 700, 120);
    await openStep('send-1');
    await form.locator('.channel-picker').getByLabel('Call').check();
    const call = form.getByTestId('call-outcome');
    await call.getByLabel('Wait for the operator to record how the call went').check();
    await call.getByTestId('call-timeout').fill('2');
    await call.getByLabel('Booked', { exact: true }).check();
    // The outcome gets its own exit on the step, labelled by the outcome.
    await page.locator('[data-testid="step-send-1"] .step-port-label', { hasText: 'Booked' }).waitFor();
    await page.screenshot({ path: screenshotPath('builder-45-call-outcome-form-en') });
    await expect
      .poll(async () => (await readDraftNodes(journeyId)).find((node) => node.id === 'send-1')?.config)
      .toMatchObject({ callOutcome: { timeout: { amount: 2, unit: 'days' }, exits: ['booking'] } });
    await page.getByRole('button', { name: 'RU' }).click();
    await call.getByText('Ждать итог не дольше').waitFor();
    await page.screenshot({ path: screenshotPath('builder-46-call-outcome-form-ru') });
    await page.getByRole('button', { name: 'EN' }).click();
  });
});
