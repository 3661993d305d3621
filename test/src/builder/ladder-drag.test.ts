import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type BuilderServer } from './builder-server';
import { drawEscalationJourney } from './canvas-driver';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

// A marketer grabs a rung of the escalation ladder on its timeline and drags it to another day;
// the draft the API stores must say the new day.

let server: BuilderServer;
let page: Page;

useBuilderPage((world) => ({ server, page } = world));

const rung = (index: number) => page.locator('.ladder-editor').getByTestId(`ladder-rung-${index}`);
const offsetInput = () => page.getByTestId('rung-offset');

async function centreOf(index: number): Promise<{ x: number; y: number }> {
  const box = await rung(index).boundingBox();
  if (!box) throw new Error(`rung ${index} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Pixels per day on the axis as drawn, measured between two rungs whose days are known. */
async function pixelsPerDay(first: number, firstDay: number, second: number, secondDay: number) {
  const [a, b] = [await centreOf(first), await centreOf(second)];
  return (b.x - a.x) / (secondDay - firstDay);
}

/** The ladder's rung offsets as the API stores the draft. */
async function savedOffsets(journeyId: string): Promise<unknown[]> {
  const response = await fetch(`${server.url}/v1/journeys/${journeyId}`, {
    headers: { authorization: `Bearer ${server.adminKey}` },
  });
  const body = (await response.json()) as {
    draft: { nodes: { kind: string; config: { rungs?: { offset: unknown }[] } }[] };
  };
  const ladder = body.draft.nodes.find((node) => node.kind === 'escalationLadder');
  return ladder?.config.rungs?.map((each) => each.offset) ?? [];
}

describe('dragging escalation ladder rungs', () => {
  it('moves a rung by mouse to a whole day, shows the day while dragging, and saves it', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('new-journey').click();
    await page.getByTestId('canvas').waitFor();
    await drawEscalationJourney(page, 'purchase');
    const journeyId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+5 d');
    // Between its neighbours at −3 and +12.
    expect(await rung(1).getAttribute('aria-valuemin')).toBe('-2');
    expect(await rung(1).getAttribute('aria-valuemax')).toBe('11');

    const perDay = await pixelsPerDay(0, -3, 1, 5);
    const start = await centreOf(1);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    // A little past three days: the rung snaps back to the whole day.
    await page.mouse.move(start.x + perDay * 3.3, start.y + 4, { steps: 12 });
    await expect.poll(() => page.getByTestId('ladder-drag-value').textContent()).toBe('+8 d');
    expect(await offsetInput().inputValue()).toBe('8');
    await page.screenshot({ path: screenshotPath('builder-29-ladder-dragging') });
    await page
      .locator('.ladder-editor')
      .screenshot({ path: screenshotPath('builder-29b-ladder-dragging-close') });
    await page.mouse.up();
    expect(await page.getByTestId('ladder-drag-value').count()).toBe(0);
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+8 d');
    expect(await offsetInput().inputValue()).toBe('8');

    await expect
      .poll(() => savedOffsets(journeyId))
      .toEqual([
        { amount: -3, unit: 'days' },
        { amount: 8, unit: 'days' },
        { amount: 12, unit: 'days' },
      ]);
    await page.screenshot({ path: screenshotPath('builder-30-ladder-dragged') });
  });

  it('keeps rungs in order and lets Escape cancel a drag', async () => {
    const start = await centreOf(1);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 2000, start.y, { steps: 10 });
    // The next rung is at +12: this one stops a day before it.
    await expect.poll(() => page.getByTestId('ladder-drag-value').textContent()).toBe('+11 d');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+8 d');
    expect(await page.getByTestId('problem-count').textContent()).toBe('Ready to publish');
  });

  it('undoes and redoes a whole drag as one step, and moves a focused rung with the arrow keys', async () => {
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+5 d');
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+8 d');

    await rung(1).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+6 d');
    await page.keyboard.press('Shift+ArrowRight');
    // A week later would pass the rung at +12.
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+11 d');
    expect(await offsetInput().inputValue()).toBe('11');
    await page
      .locator('.ladder-editor')
      .screenshot({ path: screenshotPath('builder-30b-ladder-close-rungs') });

    // Typing still works and the axis follows.
    await offsetInput().fill('7');
    expect(await rung(1).getAttribute('aria-valuetext')).toBe('+7 d');
    const journeyId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    await expect.poll(() => savedOffsets(journeyId)).toContainEqual({ amount: 7, unit: 'days' });
  });

  it('drags a rung by touch', async () => {
    const perDay = await pixelsPerDay(0, -3, 1, 7);
    const start = await centreOf(0);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y: start.y }],
      });
    await touch('touchStart', start.x);
    for (let step = 1; step <= 8; step += 1) await touch('touchMove', start.x - (perDay * 2 * step) / 8);
    await touch('touchEnd', 0);
    await expect.poll(() => rung(0).getAttribute('aria-valuetext')).toBe('−5 d');
    expect(await offsetInput().inputValue()).toBe('-5');
  });

  it('speaks Russian', async () => {
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByText('Перетащите шаг по шкале').waitFor();
    expect(await rung(0).getAttribute('aria-valuetext')).toBe('−5 дн.');
    await page.screenshot({ path: screenshotPath('builder-31-ladder-ru') });
    await page.locator('.ladder-editor').screenshot({ path: screenshotPath('builder-31b-ladder-ru-close') });
    await page.getByRole('button', { name: 'EN' }).click();
  });
});
