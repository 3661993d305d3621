import type { Page } from 'playwright-core';

/** Drags a node kind from the palette onto the canvas at (x, y) relative to the canvas box. */
export async function dragFromPalette(page: Page, kind: string, x: number, y: number): Promise<void> {
  await page.locator(`.palette-item[data-kind="${kind}"]`).dragTo(page.getByTestId('canvas'), {
    targetPosition: { x, y },
  });
}

/** Draws an edge by mouse from a step's output port to another step's input handle. */
export async function connect(page: Page, sourceId: string, port: string, targetId: string): Promise<void> {
  const from = await page.locator(`[data-testid="step-${sourceId}"] [data-handleid="${port}"]`).boundingBox();
  const to = await page.locator(`[data-testid="step-${targetId}"] .react-flow__handle-top`).boundingBox();
  if (!from || !to) throw new Error(`handles of ${sourceId}.${port} -> ${targetId} not visible`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
}

/**
 * Draws the before / after checkpoint escalation from an empty canvas: entry on `eventType`, a ladder
 * (remind at -3 d, stimulate at +5 d, a third rung by SMS at +12 d with 10 % off), and an exit.
 */
export async function drawEscalationJourney(page: Page, eventType: string): Promise<void> {
  await dragFromPalette(page, 'entry', 380, 40);
  await dragFromPalette(page, 'escalationLadder', 380, 230);
  await dragFromPalette(page, 'exit', 380, 470);
  await connect(page, 'entry-1', 'out', 'escalationLadder-1');
  await connect(page, 'escalationLadder-1', 'done', 'exit-1');

  await page.locator('[data-testid="step-entry-1"] .step-name').click();
  await page.getByTestId('field-event-type').fill(eventType);
  await page.locator('[data-testid="step-escalationLadder-1"] .step-name').click();
  const editor = page.locator('.ladder-editor');
  await page.getByTestId('rung-template').fill('remind');
  await editor.locator('.ladder-rung').nth(1).click();
  await page.getByTestId('rung-template').fill('stimulate');
  await editor.getByRole('button', { name: /Add a step/ }).click();
  await editor.getByRole('checkbox', { name: 'sms' }).check();
  await editor.getByRole('checkbox', { name: 'email' }).check();
  await page.getByTestId('rung-template').fill('sms-offer');
  await editor.getByLabel('Discount, %').fill('10');
}

/** Publishes through the dialog and waits for the confirmation. */
export async function publishVersion(page: Page, version: number): Promise<void> {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('button', { name: `Publish version ${version}` }).click();
  await page.getByText(`Version ${version} is live`).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
}

/**
 * Waits until the canvas stops moving (auto-layout and zoom-to-fit animate): the viewport transform
 * and every step's position read the same on two checks 150 ms apart.
 */
export async function waitForCanvasToSettle(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as { lastCanvasLook?: string }).lastCanvasLook = undefined;
  });
  await page.waitForFunction(
    () => {
      const look = [...document.querySelectorAll<HTMLElement>('.react-flow__viewport, .react-flow__node')]
        .map((element) => element.style.transform)
        .join('|');
      const memory = window as { lastCanvasLook?: string };
      const isStill = memory.lastCanvasLook === look;
      memory.lastCanvasLook = look;
      return isStill;
    },
    undefined,
    { polling: 150 }, // the context's default timeout (PATIENCE_MS, chromium.ts): animation is slow under load
  );
}
