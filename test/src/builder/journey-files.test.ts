import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callAsAdmin, startBuilderServer, type BuilderServer } from './builder-server';
import { waitForCanvasToSettle } from './canvas-driver';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

// Journeys as files in the builder: Export in the editor downloads the draft (steps, layout and the
// templates it sends) through Chromium's real download, and Import on another, fresh install's journey
// list reads that file and opens the journey drawn where it was, with the template it brought along.
let source: BuilderServer;
let page: Page;
let fresh: BuilderServer;

useBuilderPage((world) => ({ server: source, page } = world));

beforeAll(async () => {
  fresh = await startBuilderServer();
});

afterAll(async () => {
  await fresh?.close();
});

/** Where the source journey's steps are drawn: apart, so a lost layout could not pass for this one. */
const LAYOUT = {
  entry: { x: 40, y: 20 },
  hello: { x: 420, y: 180 },
  'two-days': { x: 60, y: 360 },
  done: { x: 460, y: 520 },
  'not-reachable': { x: 860, y: 300 },
};

const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signed_up' } } } },
    {
      id: 'hello',
      kind: 'send',
      name: 'Say hello',
      config: { channels: ['email'], templateId: 'hello-letter', quietHours: 'defer' },
    },
    {
      id: 'two-days',
      kind: 'wait',
      name: 'Two days later',
      config: { mode: 'duration', duration: { amount: 2, unit: 'days' } },
    },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'hello' },
    { id: 'e2', source: 'hello', sourcePort: 'sent', target: 'two-days' },
    { id: 'e3', source: 'two-days', sourcePort: 'out', target: 'done' },
    { id: 'e4', source: 'hello', sourcePort: 'unreachable', target: 'not-reachable' },
  ],
  settings: {},
  layout: LAYOUT,
};

/** The steps' positions on the canvas, in flow coordinates (React Flow's own transform per node). */
async function drawnPositions(on: Page): Promise<Record<string, { x: number; y: number }>> {
  return on.evaluate(() => {
    const positions: Record<string, { x: number; y: number }> = {};
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(node.style.transform);
      const id = node.dataset.id;
      if (match && id) positions[id] = { x: Number(match[1]), y: Number(match[2]) };
    }
    return positions;
  });
}

interface JourneyFile {
  format: string;
  name: string;
  definition: { layout: Record<string, { x: number; y: number }>; nodes: { id: string }[] };
  templates: { key: string; channel: string; subject?: string }[];
}

describe('journeys as files in the builder', () => {
  it('exports a journey by its Export button and imports the file into a fresh install', async () => {
    await callAsAdmin(source, 'POST', '/v1/templates', {
      channel: 'email',
      key: 'hello-letter',
      name: 'Hello letter',
      format: 'html',
      subject: 'Hello, {{ client.firstName }}',
      body: '<p>Glad you are here, {{ client.firstName }}.</p>',
    });
    const journey = await callAsAdmin<{ id: string }>(source, 'POST', '/v1/journeys', {
      name: 'Hello and wait',
      definition: DEFINITION,
    });

    await page.goto(`${source.url}/#/journeys/${journey.id}`);
    await page.locator('[data-testid="step-hello"]').getByText('Say hello').waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Hello-and-wait.journey.json');
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as JourneyFile;
    expect(file.format).toBe('touchpoint.journey');
    expect(file.name).toBe('Hello and wait');
    expect(file.definition.layout).toEqual(LAYOUT);
    expect(file.templates.map((template) => [template.key, template.channel, template.subject])).toEqual([
      ['hello-letter', 'email', 'Hello, {{ client.firstName }}'],
    ]);
    await page.screenshot({ path: screenshotPath('builder-63-journey-exported') });

    // The fresh install has never seen the journey or its template.
    const other = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await other.addInitScript((key) => localStorage.setItem('touchpoint.apiKey', key), fresh.adminKey);
      const freshPage = await other.newPage();
      await freshPage.goto(`${fresh.url}/#/journeys`);
      const choosing = freshPage.waitForEvent('filechooser');
      await freshPage.getByRole('button', { name: 'Import a journey' }).click();
      await (await choosing).setFiles(await download.path());
      await freshPage.locator('[data-testid="step-hello"]').getByText('Say hello').waitFor();
      await waitForCanvasToSettle(freshPage);
      expect(await freshPage.getByLabel('Journey name').inputValue()).toBe('Hello and wait');
      expect(await drawnPositions(freshPage)).toEqual(LAYOUT);
      await freshPage.screenshot({ path: screenshotPath('builder-64-journey-imported') });

      const templates = await callAsAdmin<{ items: { key: string; channel: string }[] }>(
        fresh,
        'GET',
        '/v1/templates',
      );
      expect(templates.items.filter((template) => template.key === 'hello-letter')).toHaveLength(1);

      // A file that is not JSON is refused by name, before the server sees it.
      const refusing = freshPage.waitForEvent('filechooser');
      await freshPage.goto(`${fresh.url}/#/journeys`);
      await freshPage.getByRole('button', { name: 'Import a journey' }).click();
      await (
        await refusing
      ).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await freshPage.getByRole('alert').getByText('Could not import notes.json').waitFor();
      await freshPage.screenshot({ path: screenshotPath('builder-65-journey-import-refused') });

      await freshPage.getByRole('button', { name: 'RU' }).click();
      await freshPage.getByRole('button', { name: 'Импортировать цепочку' }).waitFor();
      await freshPage.getByRole('link', { name: 'Hello and wait' }).click();
      await freshPage.getByRole('button', { name: 'Экспорт' }).waitFor();
      await freshPage.screenshot({ path: screenshotPath('builder-66-journey-export-ru') });
      await freshPage.getByRole('button', { name: 'EN' }).click();
    } finally {
      await other.close();
    }
  });
});
