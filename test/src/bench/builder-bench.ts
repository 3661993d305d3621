import type { Page } from 'playwright-core';
import { startBuilderServer } from '../builder/builder-server';
import { launchChromium } from '../builder/chromium';

/** What one canvas costs to open and to pan, in Chromium, against the real API. */
export interface CanvasMeasurement {
  nodes: number;
  /** From navigation start to every step being in the DOM with its size measured. */
  firstRenderMs: number;
  /** Frame-to-frame intervals while the canvas is panned continuously by mouse. */
  panFrames: number;
  /** Wall time of the four scripted drag sweeps (240 mouse moves); grows when input handling lags. */
  panDurationMs: number;
  panFrameP50Ms: number;
  panFrameP95Ms: number;
  panFrameMaxMs: number;
}

export interface BuilderBenchmarkResult {
  baseline: CanvasMeasurement;
  large: CanvasMeasurement;
  /** large / baseline of the p95 pan frame: how much a 300-step journey slows panning. */
  panP95Ratio: number;
}

const COLUMNS = 15;

/** A valid-shaped chain of `count` steps (entry, sends and waits alternating, exit) laid out as a snake. */
export function makeLargeJourney(count: number) {
  const ids = Array.from({ length: count }, (_, index) => `n${index}`);
  const nodes = ids.map((id, index) => {
    if (index === 0) return { id, kind: 'entry', config: { trigger: { kind: 'manual' } } };
    if (index === count - 1) return { id, kind: 'exit', config: { reason: 'completed' } };
    return index % 2 === 1
      ? { id, kind: 'send', config: { channels: ['email', 'sms'], templateId: `t${index}` } }
      : { id, kind: 'wait', config: { mode: 'duration', duration: { amount: index, unit: 'hours' } } };
  });
  const edges = ids.slice(0, -1).flatMap((id, index) => {
    const target = ids[index + 1] ?? id;
    const ports = index % 2 === 1 ? ['sent', 'unreachable'] : ['out'];
    return ports.map((port) => ({ id: `${id}.${port}`, source: id, sourcePort: port, target }));
  });
  const layout = Object.fromEntries(
    ids.map((id, index) => {
      const row = Math.floor(index / COLUMNS);
      const column = row % 2 === 0 ? index % COLUMNS : COLUMNS - 1 - (index % COLUMNS);
      return [id, { x: column * 300, y: row * 200 }];
    }),
  );
  return { schemaVersion: 1, nodes, edges, layout };
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

async function measureCanvas(page: Page, url: string, nodes: number): Promise<CanvasMeasurement> {
  await page.goto(url);
  await page.waitForFunction(
    (count) =>
      document.querySelector('.react-flow__pane') !== null &&
      document.querySelectorAll('.react-flow__node').length >= count &&
      document.querySelectorAll('.react-flow__node[style*="visibility: hidden"]').length === 0,
    nodes,
    { timeout: 60_000, polling: 'raf' },
  );
  const firstRenderMs = await page.evaluate(() => performance.now());
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('canvas pane not visible');
  await page.evaluate(() => {
    const frames: number[] = [];
    (window as unknown as { benchFrames: number[] }).benchFrames = frames;
    const tick = (time: number) => {
      frames.push(time);
      if (frames.length < 100_000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const startX = box.x + box.width * 0.8;
  const y = box.y + box.height / 2;
  for (let sweep = 0; sweep < 4; sweep += 1) {
    await page.mouse.move(startX, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, y + (sweep % 2 ? -80 : 80), { steps: 60 });
    await page.mouse.up();
  }
  const stamps = await page.evaluate(() =>
    (window as unknown as { benchFrames: number[] }).benchFrames.slice(),
  );
  const intervals = stamps.slice(1).map((stamp, index) => stamp - (stamps[index] ?? stamp));
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    nodes,
    firstRenderMs: Math.round(firstRenderMs),
    panFrames: intervals.length,
    panDurationMs: Math.round((stamps.at(-1) ?? 0) - (stamps[0] ?? 0)),
    panFrameP50Ms: Number(percentile(sorted, 0.5).toFixed(1)),
    panFrameP95Ms: Number(percentile(sorted, 0.95).toFixed(1)),
    panFrameMaxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
  };
}

async function createJourney(
  baseUrl: string,
  key: string,
  name: string,
  definition: unknown,
): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/journeys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ name, definition }),
  });
  if (!response.ok) throw new Error(`create journey: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Opens an empty canvas and a 300-step journey in the built builder (real API, Debian Chromium,
 * headless, software rendering) and measures time to first render and frame times while panning.
 * Needs the vitest global setup's environment (it uses a fresh test database).
 */
export async function runBuilderBenchmark(size = 300): Promise<BuilderBenchmarkResult> {
  const server = await startBuilderServer();
  const browser = await launchChromium();
  try {
    const emptyId = await createJourney(server.url, server.adminKey, 'empty', {
      schemaVersion: 1,
      nodes: [],
      edges: [],
    });
    const largeId = await createJourney(server.url, server.adminKey, 'large', makeLargeJourney(size));
    const measure = async (id: string, nodes: number) => {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      // Run through tsx (npm run bench), functions handed to the page carry esbuild's `__name`
      // helper, which the page does not have.
      await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      await page.addInitScript((key) => localStorage.setItem('touchpoint.apiKey', key), server.adminKey);
      try {
        return await measureCanvas(page, `${server.url}/#/journeys/${id}`, nodes);
      } finally {
        await page.close();
      }
    };
    const baseline = await measure(emptyId, 0);
    const large = await measure(largeId, size);
    return {
      baseline,
      large,
      panP95Ratio: Number((large.panFrameP95Ms / Math.max(baseline.panFrameP95Ms, 0.1)).toFixed(2)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
