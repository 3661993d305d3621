import { clients, templates } from '@touchpoint/db';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LADDER_OUT_OF_ORDER } from '../simulation/ladder-out-of-order';
import { callAsAdmin, type BuilderServer } from './builder-server';
import { launchChromium, openSignedInPage, screenshotPath } from './chromium';
import { startSimulatingBuilderServer, type SimulatingBuilderServer } from './simulating-builder-server';

// The marketer opens seed 004's chain, asks "what if Anna buys on day 74?", and sees the path light
// up on the canvas with the days, then the same in Russian. The API runs the real simulation.
let server: BuilderServer;
let simulating: SimulatingBuilderServer | undefined;
let browser: Browser;

beforeAll(async () => {
  simulating = await startSimulatingBuilderServer();
  server = simulating.server;
  await server.db.insert(templates).values({
    key: 'call-script',
    channel: 'call',
    name: 'Call script',
    body: 'Offer {{ client.firstName }} 15%',
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await simulating?.close();
});

const newPage = (locale: 'en' | 'ru'): Promise<Page> =>
  openSignedInPage(browser, { apiKey: server.adminKey, locale, viewport: { width: 1440, height: 1000 } });

describe('the "Test a path" panel', () => {
  it('runs Anna through seed 004 and lights the path up on the canvas, in English and Russian', async () => {
    const { id } = await callAsAdmin<{ id: string }>(server, 'POST', '/v1/journeys', {
      name: 'Lifecycle chain',
      definition: SEED_004_JOURNEY,
    });
    const page = await newPage('en');
    await page.goto(`${server.url}/#/journeys/${id}`);
    await page.getByRole('button', { name: 'Test a path' }).click();
    const panel = page.getByTestId('test-path-panel');
    await panel.getByLabel('First name').fill('Anna');
    await panel.getByLabel('Next purchase expected at').fill('+60d');
    const row = panel.getByTestId('script-row-0');
    await row.getByLabel('When', { exact: true }).fill('+74d');
    await row.getByLabel('Event', { exact: true }).fill('purchase');
    await panel.getByRole('button', { name: 'Run the test' }).click();
    await panel.getByText('Converted on day 74').waitFor({ timeout: 600_000 });

    const ladder = page.getByTestId('path-ladder');
    expect(await ladder.textContent()).toContain('day 0, 57, 65, 72');
    expect(await page.getByTestId('path-lost').count()).toBe(0);
    expect(await panel.getByTestId('path-step-ladder/sms/send').textContent()).toContain('Day 72');
    // Steps are named as the client timeline names them: the ladder's name and the rung's place.
    expect(await panel.getByTestId('path-step-ladder/sms/send').textContent()).toContain(
      'Remind, stimulate, escalate, step 3 (message)',
    );
    expect(await panel.locator('.test-path-steps').textContent()).not.toContain('ladder/');
    await page.screenshot({ path: screenshotPath('builder-80-test-path-en') });

    await page.evaluate(() => localStorage.setItem('touchpoint.locale', 'ru'));
    const ru = await newPage('ru');
    await ru.goto(`${server.url}/#/journeys/${id}`);
    await ru.getByRole('button', { name: 'Проверить путь' }).click();
    const panelRu = ru.getByTestId('test-path-panel');
    await panelRu.getByTestId('script-row-0').getByLabel('Когда', { exact: true }).fill('+74d');
    await panelRu.getByTestId('script-row-0').getByLabel('Событие', { exact: true }).fill('purchase');
    await panelRu.getByRole('button', { name: 'Запустить проверку' }).click();
    await panelRu.getByText('Конверсия на 74-й день').waitFor({ timeout: 600_000 });
    expect(await ru.getByTestId('path-ladder').textContent()).toContain('На пути: день 0, 57, 65, 72');
    expect(await panelRu.getByTestId('path-step-ladder/sms/send').textContent()).toContain(
      'Remind, stimulate, escalate, ступень 3 (сообщение)',
    );
    await ru.screenshot({ path: screenshotPath('builder-81-test-path-ru') });
  }, 900_000);

  it('names the step and the rule that stop a draft from running, in the test and the forecast', async () => {
    // The ladder's second rung before its first: publish would refuse it, and so do both simulations.
    const { id } = await callAsAdmin<{ id: string }>(server, 'POST', '/v1/journeys', {
      name: 'Ladder out of order',
      definition: LADDER_OUT_OF_ORDER,
    });
    const page = await newPage('en');
    await page.goto(`${server.url}/#/journeys/${id}`);
    const problem = 'Remind, stimulate, escalate: Put the steps of the ladder in time order';

    await page.getByRole('button', { name: 'Test a path' }).click();
    const testPanel = page.getByTestId('test-path-panel');
    await testPanel.getByRole('button', { name: 'Run the test' }).click();
    await testPanel.getByTestId('journey-problems').waitFor({ timeout: 60_000 });
    expect(await testPanel.getByTestId('journey-problems').textContent()).toContain(problem);
    expect(await testPanel.getByTestId('server-error').textContent()).toContain(
      'Could not test the path: The journey has problems to fix first (1)',
    );
    // Marked on the step, as a refused publish marks it.
    expect(await page.getByTestId('step-ladder').getAttribute('class')).toContain('has-problems');
    await testPanel.getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    const forecastPanel = page.getByTestId('forecast-panel');
    await forecastPanel.getByRole('button', { name: 'Run the forecast' }).click();
    await forecastPanel.getByTestId('journey-problems').waitFor({ timeout: 60_000 });
    expect(await forecastPanel.getByTestId('journey-problems').textContent()).toContain(problem);
    expect(await forecastPanel.getByTestId('server-error').textContent()).toContain('Could not forecast:');
    await page.screenshot({ path: screenshotPath('builder-82-test-path-refused') });
  }, 300_000);

  it("shows a forecast's failed runs with their reason", async () => {
    // Saved past the template editor's checks, as an older row may be: Liquid refuses it when rendered.
    await server.db.insert(templates).values({
      key: 'broken',
      channel: 'email',
      name: 'Broken',
      subject: 'Hello',
      body: 'Hello {{ client.firstName ',
    });
    const granted = { status: 'granted', updatedAt: new Date().toISOString(), source: 'test' };
    await server.db.insert(clients).values({
      externalId: 'vera',
      email: 'vera@example.com',
      attributes: { firstName: 'Vera' },
      consent: { email: granted } as never,
    });
    const { id } = await callAsAdmin<{ id: string }>(server, 'POST', '/v1/journeys', {
      name: 'Broken hello',
      definition: {
        schemaVersion: 1,
        nodes: [
          { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
          {
            id: 'hello',
            kind: 'send',
            name: 'Say hello',
            config: { channels: ['email'], templateId: 'broken' },
          },
          { id: 'done', kind: 'exit', config: { reason: 'completed' } },
        ],
        edges: [
          { id: 'e1', source: 'entry', sourcePort: 'out', target: 'hello' },
          { id: 'e2', source: 'hello', sourcePort: 'sent', target: 'done' },
          { id: 'e3', source: 'hello', sourcePort: 'unreachable', target: 'done' },
        ],
      },
    });
    const page = await newPage('en');
    await page.goto(`${server.url}/#/journeys/${id}`);
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    const panel = page.getByTestId('forecast-panel');
    await panel.getByLabel('Listed clients').check();
    await panel.getByLabel(/client ids/i).fill('vera');
    await panel.getByTestId('forecast-horizon').fill('2');
    await panel.getByRole('button', { name: 'Run the forecast' }).click();
    const failed = page.getByTestId('forecast-draft-failed');
    await failed.waitFor({ timeout: 600_000 });
    expect(await failed.textContent()).toMatch(/Runs that failed \(1\): TemplateRenderFailed: /);
  }, 900_000);
});
