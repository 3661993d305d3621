import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BuilderServer, callAsAdmin } from './builder-server';
import { screenshotPath } from './chromium';
import { HOLDOUT_JOURNEY, REGIONS, seedHoldoutRuns, type SeededClient } from './seed-holdout-runs';
import { useBuilderPage, type BuilderPageWorld } from './use-builder-page';

// Control groups in the real builder against the real API: the holdout settings with the planner
// answering as the marketer types (saved with the draft), the journey's uplift with its interval on the
// report page (forest plot by region, each step, "not enough data yet") and on the canvas, and the
// global control group's share and all-marketing report, in English and Russian.

interface UpliftFigure {
  absolute: number;
  absoluteInterval: [number, number];
  relative: number | null;
  pValue: number;
}
interface UpliftAnswer {
  enoughData: boolean;
  requiredClients: number | null;
  treatedClients: number;
  controlClients: number;
  goal: UpliftFigure;
  strata: { stratum: string; goal: UpliftFigure }[];
}
interface GlobalReport {
  treatedClients: number;
  controlClients: number;
  requiredClients: number | null;
  enoughData: boolean;
  revenuePerClient: { treated: number; control: number };
  journeys: { name: string; treatedEnrollments: number; globalControlEnrollments: number }[];
}

let world: BuilderPageWorld;
let server: BuilderServer;
let page: Page;
let journeyId: string;
let seeded: SeededClient[];

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

// Figures written independently of the builder's formatting code, as a person reads them in English.
const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);
const pp = (value: number) => `${signed((value * 100).toFixed(1), value)} pp`;
const pct = (value: number | null) => (value === null ? '—' : `${signed((value * 100).toFixed(1), value)}%`);
const pValue = (value: number) => (value < 0.001 ? '< 0.001' : value.toFixed(3));
const n = (value: number) => value.toLocaleString('en-US');

/** Loads the app afresh at `hash`, so nothing of the previous test's page stays. */
async function open(hash: string) {
  await page.goto('about:blank');
  await page.goto(`${server.url}/${hash}`);
}

async function tallScreenshot(name: string) {
  await page.setViewportSize({ width: 1400, height: 2600 });
  await page.screenshot({ path: screenshotPath(name) });
  await page.setViewportSize({ width: 1400, height: 900 });
}

useBuilderPage(
  (ready) => {
    world = ready;
    ({ server, page } = ready);
  },
  {
    seed: async (started) => {
      server = started;
      journeyId = (
        await call<{ id: string }>('POST', '/v1/journeys', { name: 'Welcome', definition: HOLDOUT_JOURNEY })
      ).id;
      await call('POST', `/v1/journeys/${journeyId}/publish`, {});
      const enteredAt = new Date(Date.now() - 3 * 86_400_000);
      seeded = await seedHoldoutRuns(started.db, journeyId, enteredAt);
      // Purchases two days after entry, through the API: converted clients buy, a few others too.
      const buyAt = new Date(enteredAt.getTime() + 2 * 86_400_000).toISOString();
      await call('POST', '/v1/purchases', {
        purchases: seeded
          .filter((client, i) => client.converted || i % 6 === 0)
          .map((client, i) => ({
            idempotencyKey: `buy-${client.externalId}`,
            clientId: client.externalId,
            purchasedAt: buyAt,
            value: client.converted ? 40 + (i % 9) * 15 : 20,
          })),
      });
    },
  },
);

describe('control groups in the builder', () => {
  it('sets the global control share by keyboard and shows all marketing against it', async () => {
    await open('#/settings/global-control');
    const share = page.getByTestId('global-share');
    await share.getByText('No global control group yet.').waitFor();
    await page.getByTestId('global-share-input').fill('60');
    expect(await page.getByTestId('global-share-save').isDisabled()).toBe(true);
    await page.getByTestId('global-share-input').fill('10');
    await page.getByTestId('global-share-save').click();
    await share.getByText(/^Kept since \d{4}-\d\d-\d\d\./).waitFor();
    expect((await call<{ share: number }>('GET', '/v1/global-control')).share).toBe(0.1);

    const report = await call<GlobalReport>('GET', '/v1/global-control/report');
    expect(report.controlClients).toBe(seeded.filter((c) => c.group === 'global').length);
    const figure = (id: string) => page.getByTestId(`global-${id}`).locator('dd').textContent();
    await page.getByTestId('global-report').waitFor();
    expect(await figure('treated')).toBe(n(report.treatedClients));
    expect(await figure('control')).toBe(n(report.controlClients));
    expect(await figure('revenueTreated')).toBe(report.revenuePerClient.treated.toFixed(2));
    expect(await figure('revenueControl')).toBe(report.revenuePerClient.control.toFixed(2));
    // 240 clients are far fewer than +10 % buyers needs.
    expect(report.enoughData).toBe(false);
    expect(await page.getByTestId('global-not-enough').textContent()).toBe(
      `Not enough data yet: ${n(240)} of the ${n(Math.ceil(report.requiredClients!))} clients needed.`,
    );
    expect(await page.locator('[data-testid="global-arms-chart"] .chart-bar').count()).toBe(2);
    const row = page.locator('[data-testid="table-global-journeys"] tbody tr');
    expect(await row.locator('td').allTextContents()).toEqual([
      'Welcome',
      'Promotional',
      n(report.journeys[0]!.treatedEnrollments),
      n(report.journeys[0]!.globalControlEnrollments),
    ]);
    await tallScreenshot('builder-40-global-control');

    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByText('Глобальная контрольная группа', { exact: true }).waitFor();
    expect(await page.getByTestId('global-not-enough').textContent()).toContain(
      'Пока недостаточно данных: 240 из',
    );
    await tallScreenshot('builder-41-global-control-ru');
    await page.getByRole('button', { name: 'EN' }).click();
  });

  it('shows the journey’s uplift with its interval, by region and by step, and what is not enough yet', async () => {
    const answer = await call<UpliftAnswer>('GET', `/v1/journeys/${journeyId}/uplift`);
    expect(answer.enoughData).toBe(true);
    await open(`#/journeys/${journeyId}/report`);
    const section = page.getByTestId('section-uplift');
    const verdict = section.getByTestId('uplift-verdict');
    await verdict.waitFor();
    const { goal } = answer;
    expect(await verdict.textContent()).toBe(
      `Goal uplift ${pp(goal.absolute)} [${pp(goal.absoluteInterval[0])}; ${pp(goal.absoluteInterval[1])}], ` +
        `${pct(goal.relative)}, p ${pValue(goal.pValue)}`,
    );
    expect(await section.getByTestId('uplift-treated').locator('dd').textContent()).toBe(
      n(answer.treatedClients),
    );
    expect(await section.getByTestId('uplift-control').locator('dd').textContent()).toBe(
      n(answer.controlClients),
    );

    // The forest plot: one row per region plus the pooled one, each at the API's estimate.
    const rows = section.locator('[data-testid="uplift-forest"] .forest-row');
    expect(await rows.count()).toBe(REGIONS.length + 1);
    for (const stratum of answer.strata) {
      const row = section.locator(
        `[data-testid="uplift-forest"] .forest-row[data-stratum="${stratum.stratum}"]`,
      );
      expect(Number(await row.getAttribute('data-estimate'))).toBeCloseTo(stratum.goal.absolute, 10);
      expect(Number(await row.getAttribute('data-low'))).toBeCloseTo(stratum.goal.absoluteInterval[0], 10);
      expect(await row.locator('text').first().textContent()).toBe(
        `region ${stratum.stratum.replace('region=', '')}`,
      );
    }
    expect(answer.strata.map((s) => s.stratum)).toEqual(['region=EU', 'region=RU', 'region=US']);

    // Each step over the clients who reached it; the nudge reaches only those who had not ordered.
    const welcome = await call<UpliftAnswer>('GET', `/v1/journeys/${journeyId}/uplift?node=welcome`);
    const nudge = await call<UpliftAnswer>('GET', `/v1/journeys/${journeyId}/uplift?node=nudge`);
    const steps = section.getByTestId('table-uplift-steps');
    expect(await steps.getByTestId('uplift-step-welcome').getAttribute('data-enough')).toBe('true');
    expect(nudge.enoughData).toBe(false);
    expect(await steps.getByTestId('uplift-step-nudge').textContent()).toBe(
      `Not enough data yet: ${n(nudge.treatedClients + nudge.controlClients)} clients, none reached the goal yet.`,
    );
    expect(await steps.locator('tr[data-step="welcome"] td').first().textContent()).toBe('Welcome mail');
    expect(welcome.goal.absolute).toBeCloseTo(goal.absolute, 10);
    await section.scrollIntoViewIfNeeded();
    await tallScreenshot('builder-42-report-uplift');

    await page.getByRole('button', { name: 'RU' }).click();
    await section.getByText('Прирост относительно контрольной группы').waitFor();
    expect(await verdict.textContent()).toMatch(/^Прирост конверсии в цель [+-]\d+,\d п\. п\. \[/);
    expect(await steps.getByTestId('uplift-step-nudge').textContent()).toContain('Пока недостаточно данных');
    await tallScreenshot('builder-43-report-uplift-ru');
    await page.getByRole('button', { name: 'EN' }).click();
  });

  it('puts each step’s uplift and the journey’s on the canvas', async () => {
    const answer = await call<UpliftAnswer>('GET', `/v1/journeys/${journeyId}/uplift`);
    const welcome = await call<UpliftAnswer>('GET', `/v1/journeys/${journeyId}/uplift?node=welcome`);
    const nudge = await call<UpliftAnswer>('GET', `/v1/journeys/${journeyId}/uplift?node=nudge`);
    await open(`#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Results' }).click();
    const chip = page.getByTestId('canvas-uplift-welcome');
    await chip.waitFor();
    const { goal } = welcome;
    expect(await chip.textContent()).toBe(
      `${pp(goal.absolute)} [${pp(goal.absoluteInterval[0])}; ${pp(goal.absoluteInterval[1])}]`,
    );
    expect(await page.getByTestId('canvas-uplift-nudge').textContent()).toBe(
      `Not enough data yet (${n(nudge.treatedClients + nudge.controlClients)}, no goal yet)`,
    );
    expect(await page.getByTestId('canvas-uplift-journey').textContent()).toContain(pp(answer.goal.absolute));
    await page.screenshot({ path: screenshotPath('builder-44-canvas-uplift') });
  });

  it('sets a stratified holdout in the journey settings, with the planner answering as one types', async () => {
    const draft = await call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Win-back test',
      definition: { ...HOLDOUT_JOURNEY, settings: { reentry: 'once' } },
    });
    await open(`#/journeys/${draft.id}`);
    const settings = page.getByTestId('journey-settings');
    await settings.waitFor();
    await settings.getByTestId('holdout-toggle').check();
    await settings.getByTestId('holdout-share').fill('60');
    await settings.getByText('Between 0 and 50 %.').waitFor();
    await settings.getByTestId('holdout-share').fill('20');
    await expect.poll(() => settings.getByText('Between 0 and 50 %.').count()).toBe(0);
    await settings.getByTestId('add-stratum-rfmCell').click();
    await settings.getByTestId('stratum-attribute').fill('region');
    await settings.getByTestId('add-stratum-attribute').click();
    await settings.getByTestId('stratum-bounds').fill('500, 100');
    expect(await settings.getByTestId('add-stratum-fact').isDisabled()).toBe(true);
    await settings.getByTestId('stratum-bounds').fill('100, 500');
    await settings.getByTestId('add-stratum-fact').click();
    expect(await settings.getByTestId('stratum').allTextContents()).toEqual([
      'RFM cell×',
      'Attribute “region”×',
      'Total spend in buckets at 100 · 500×',
    ]);
    await settings.getByTestId('holdout-lift').fill('15');
    await settings.getByTestId('planner-audience').fill('20000');
    await settings.getByTestId('planner-base-rate').fill('4');

    // The planner's answer, recomputed from the formula in docs/metrics.md (z 0.975 + z 0.8 = 2.801585).
    const z = 1.959964 + 0.841621;
    const [s, audience, p] = [0.2, 20_000, 0.04];
    const mde = z * Math.sqrt(p * (1 - p) * (1 / ((1 - s) * audience) + 1 / (s * audience)));
    const required = Math.ceil((z * z * p * (1 - p) * (1 / (1 - s) + 1 / s)) / (0.15 * p) ** 2);
    const mdeText = await settings.getByTestId('planner-mde').textContent();
    expect(mdeText).toBe(
      `With ${n(audience)} clients the smallest lift you can detect is ${pct(mde / p).slice(1)} ` +
        `(from 4.0% to ${((p + mde) * 100).toFixed(1)}%).`,
    );
    const requiredText = (await settings.getByTestId('planner-required').textContent())!;
    const shownRequired = Number(/about ([\d,]+) clients/.exec(requiredText)![1]!.replace(/,/g, ''));
    expect(Math.abs(shownRequired - required)).toBeLessThanOrEqual(1);
    expect(await settings.getByTestId('planner-short').count()).toBe(required > audience ? 1 : 0);
    await settings.getByLabel('This journey is').selectOption('transactional');
    await settings.getByTestId('holdout-fields').scrollIntoViewIfNeeded();
    await page.getByText('All changes saved').waitFor();
    await page.screenshot({ path: screenshotPath('builder-45-holdout-settings') });

    await expect
      .poll(
        async () =>
          (await call<{ draft: { settings: unknown } }>('GET', `/v1/journeys/${draft.id}`)).draft.settings,
      )
      .toMatchObject({
        reentry: 'once',
        purpose: 'transactional',
        holdout: {
          share: 0.2,
          strata: [
            { kind: 'segmentFamily', family: 'rfmCell' },
            { kind: 'attribute', name: 'region' },
            { kind: 'factBucket', fact: 'totalValue', bounds: [100, 500] },
          ],
          minimumDetectableEffect: 0.15,
        },
      });

    const russian = await world.newPage({ locale: 'ru' });
    await russian.goto(`${server.url}/#/journeys/${draft.id}`);
    const ruSettings = russian.getByTestId('journey-settings');
    await ruSettings.getByText('Контрольная группа', { exact: true }).waitFor();
    expect(await ruSettings.getByTestId('holdout-share').inputValue()).toBe('20');
    expect(await ruSettings.getByTestId('planner-mde').textContent()).toContain(
      'минимальный обнаружимый прирост',
    );
    await ruSettings.getByTestId('holdout-fields').scrollIntoViewIfNeeded();
    await russian.screenshot({ path: screenshotPath('builder-46-holdout-settings-ru') });
  });
});
