import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enrollments, nodeVisits, transitions, type Database } from '@touchpoint/db';
import { upsertClients } from '@touchpoint/domain';
import { JOURNEY_TEMPLATES } from '@touchpoint/builder';
import { type BuilderServer, callAsAdmin } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

let server: BuilderServer;
let page: Page;
let journeyId: string;

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

/** The gallery's smart-trigger win-back, as a marketer would open it. */
const WIN_BACK = JOURNEY_TEMPLATES.find((template) => template.id === 'smart-trigger-win-back')!.definition;

/** One client's way through the smart-trigger win-back: node ids with the port each left by. */
type Path = [nodeId: string, port: string | null][];
const WON: Path = [
  ['entry', 'out'],
  ['email', 'sent'],
  ['wait-buy', 'event:bought'],
  ['won', null],
];
const NUDGED: Path = [
  ['entry', 'out'],
  ['email', 'sent'],
  ['wait-buy', 'timeout'],
  ['sms', 'sent'],
  ['done', null],
];
const WAITING: Path = [
  ['entry', 'out'],
  ['email', 'sent'],
  ['wait-buy', null],
];
const UNREACHABLE: Path = [
  ['entry', 'out'],
  ['email', 'unreachable'],
  ['done', null],
];

/** Records runs the way the interpreter does: an enrollment, a visit per node, a transition per edge taken. */
async function seedRuns(db: Database, paths: Path[]): Promise<void> {
  const ids = await upsertClients(
    db,
    paths.map((_, index) => ({ externalId: `c${index}` })),
  );
  const start = Date.now() - 3 * 86_400_000;
  for (const [index, path] of paths.entries()) {
    const isDone = path.at(-1)?.[0] === 'won' || path.at(-1)?.[0] === 'done';
    const [enrollment] = await db
      .insert(enrollments)
      .values({
        journeyId,
        journeyVersion: 1,
        clientId: ids.get(`c${index}`) ?? '',
        workflowId: `journey:${journeyId}:client:c${index}`,
        source: 'segment',
        status: isDone ? 'completed' : 'active',
        exitedAt: isDone ? new Date() : null,
        exitReason: path.at(-1)?.[0] === 'won' ? 'converted' : isDone ? 'completed' : null,
      })
      .returning();
    const enrollmentId = enrollment?.id ?? '';
    for (const [seq, [nodeId, port]] of path.entries()) {
      const at = new Date(start + seq * 3_600_000);
      const next = path[seq + 1]?.[0] ?? null;
      await db.insert(nodeVisits).values({
        enrollmentId,
        journeyId,
        journeyVersion: 1,
        nodeId,
        visitSeq: seq,
        enteredAt: at,
        leftAt: port === null ? null : at,
        outcome: port,
      });
      if (port !== null) {
        const edgeId = `${nodeId}.${port.replace(':', '-')}`;
        await db.insert(transitions).values({
          enrollmentId,
          journeyId,
          journeyVersion: 1,
          edgeId,
          fromNodeId: nodeId,
          fromVisitSeq: seq,
          port,
          toNodeId: next,
          at,
        });
      }
    }
  }
}

useBuilderPage((world) => ({ server, page } = world), {
  // The story's rows, written through the API before the browser opens.
  seed: async (started) => {
    server = started;
    journeyId = (
      await call<{ id: string }>('POST', '/v1/journeys', { name: 'Win-back', definition: WIN_BACK })
    ).id;
    await call('POST', `/v1/journeys/${journeyId}/publish`);
    await seedRuns(server.db, [
      ...Array<Path>(12).fill(WON),
      ...Array<Path>(20).fill(NUDGED),
      ...Array<Path>(6).fill(WAITING),
      ...Array<Path>(2).fill(UNREACHABLE),
    ]);
  },
});

describe('stats overlay', () => {
  it('lists the journey with clients in and conversion', async () => {
    await page.goto(`${server.url}/#/journeys`);
    const row = page.locator('tr', { hasText: 'Win-back' });
    await row.getByText('30.0%').waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe('40');
    await page.screenshot({ path: screenshotPath('builder-18-journey-list') });
  });

  it('puts per-step counts on the canvas and draws busy edges thicker', async () => {
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Results' }).click();
    const entryStats = page.locator('[data-testid="step-entry"] .step-stats');
    await entryStats.waitFor();
    expect(await entryStats.textContent()).toContain('40');
    expect(await page.locator('[data-testid="step-wait-buy"] .step-stats').textContent()).toContain('◔ 6');
    const width = (edgeId: string) =>
      page
        .locator(`.react-flow__edge[data-id="${edgeId}"] path.react-flow__edge-path`)
        .evaluate((path) => Number.parseFloat(getComputedStyle(path).strokeWidth));
    expect(await width('email.sent')).toBeGreaterThan(await width('email.unreachable'));
    await page.screenshot({ path: screenshotPath('builder-13-stats-overlay') });
  });
});
