import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { type BuilderServer, callAsAdmin } from './builder-server';
import { useBuilderWithJourneys } from './builder-with-journeys';
import { openSignedInPage, screenshotPath } from './chromium';

// The marketer moves clients waiting on a live journey's old version onto a step of the new one, by
// mouse on the builder's "Move waiting clients" screen. The clients really wait: entered through
// POST /v1/events, routed, running on the dev server; afterwards the API says where they are.
let server: BuilderServer;
let browser: Browser;

useBuilderWithJourneys('migration-screen', (world) => ({ server, browser } = world));

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

/** A drawn step of the stories: a wait or, where clients wait for an operator, a call. */
interface StoryStep {
  id: string;
  kind: 'wait' | 'send';
  name: string;
  config: object;
}

const waitStep = (id: string, name: string, days: number): StoryStep => ({
  id,
  kind: 'wait',
  name,
  config: { mode: 'duration', duration: { amount: days, unit: 'days' } },
});

/** Entry on `entryType`, one step, then the exit; drawn top to bottom. */
function stepThenExit(entryType: string, step: StoryStep) {
  // A send leads on whether it reached the client or not; a wait has one way on.
  const ports = step.kind === 'send' ? ['sent', 'unreachable'] : ['out'];
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: entryType } } } },
      step,
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { id: 'a', source: 'entry', sourcePort: 'out', target: step.id },
      ...ports.map((port) => ({ id: port, source: step.id, sourcePort: port, target: 'done' })),
    ],
    layout: { entry: { x: 0, y: 0 }, [step.id]: { x: 0, y: 160 }, done: { x: 0, y: 420 } },
  };
}

interface Stats {
  nodes: Record<string, { waiting: number }>;
}

/**
 * A journey published as v1 with `clients` waiting on its step `v1Step`, then v2 published with that
 * step replaced by `v2Step`. The clients enter by their own events; the journey's stats count them.
 */
async function journeyWithClientsWaiting(
  name: string,
  clients: number,
  v1Step: StoryStep,
  v2Step: StoryStep,
) {
  const type = `${randomUUID()}.visit`;
  const { id } = await call<{ id: string }>('POST', '/v1/journeys', {
    name,
    definition: stepThenExit(type, v1Step),
  });
  await call('POST', `/v1/journeys/${id}/publish`);
  const clientIds = Array.from({ length: clients }, (_, i) => `${id}-client-${i}`);
  // Reachable by phone, so a call step really calls them and waits for the operator.
  const granted = { status: 'granted', updatedAt: new Date().toISOString() };
  for (const clientId of clientIds) {
    await call('PUT', `/v1/clients/${encodeURIComponent(clientId)}`, {
      phone: '+79161234567',
      consent: { call: granted },
    });
  }
  await call('POST', '/v1/events', {
    events: clientIds.map((clientId) => ({
      idempotencyKey: `${clientId}-visit`,
      clientId,
      type,
      occurredAt: new Date().toISOString(),
    })),
  });
  // Waiting on v1 before v2 is published: entry events routed later would enter v2.
  const waitingOnV1 = async () =>
    (await call<Stats>('GET', `/v1/journeys/${id}/stats?version=1`)).nodes[v1Step.id]?.waiting ?? 0;
  await waitUntil(
    async () => (await waitingOnV1()) === clients,
    undefined,
    `${clients} clients on "${v1Step.id}"`,
  );
  await call('PUT', `/v1/journeys/${id}`, { name, definition: stepThenExit(type, v2Step) });
  await call('POST', `/v1/journeys/${id}/publish`);
  return { journeyId: id, clientIds };
}

interface Timeline {
  items: { kind: string; journeyVersion: number | null; nodeId: string | null; status: string | null }[];
}

/** Whether the client's timeline has it enrolled on v2 and arrived on v2's step `nodeId`. */
async function isOnV2Step(clientId: string, nodeId: string): Promise<boolean> {
  const { items } = await call<Timeline>('GET', `/v1/clients/${encodeURIComponent(clientId)}/timeline`);
  const enrollment = items.find((item) => item.kind === 'enrollment');
  const visit = items.find((item) => item.kind === 'nodeVisit' && item.nodeId === nodeId);
  return enrollment?.journeyVersion === 2 && enrollment.status === 'active' && visit?.journeyVersion === 2;
}

const newPage = (locale: 'en' | 'ru'): Promise<Page> =>
  openSignedInPage(browser, { apiKey: server.adminKey, locale, viewport: { width: 1440, height: 1000 } });

describe('the migration screen', () => {
  it('maps a step by clicking it and the new wait, checks the counts, and moves the clients (English)', async () => {
    const hold = waitStep('hold', 'Cooling off', 30);
    const short = waitStep('short', 'Short wait', 20);
    const { journeyId, clientIds } = await journeyWithClientsWaiting('Win-back', 3, hold, short);
    const page = await newPage('en');
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByRole('button', { name: 'Move waiting clients…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move waiting clients' });
    const from = dialog.getByTestId('migration-from');
    const to = dialog.getByTestId('migration-to');
    const holdMark = from.getByTestId('migration-hold');
    await holdMark.getByText('3 waiting').waitFor();
    // No step of v2 has the old step's id or name: nobody is mapped until the marketer says where.
    await holdMark.getByText('stay on version 1').waitFor();
    await page.screenshot({ path: screenshotPath('migration-01-counts-en') });

    await from.getByTestId('step-hold').click();
    await dialog
      .getByText('Now click the wait on the right where the clients of “Cooling off” continue')
      .waitFor();
    // The exit is no place to wait: clicking it maps nothing and keeps the pick for the wait.
    await to.getByTestId('step-done').click();
    await holdMark.getByText('stay on version 1').waitFor();
    await dialog
      .getByText('Now click the wait on the right where the clients of “Cooling off” continue')
      .waitFor();
    await to.getByTestId('step-short').click();
    await holdMark.getByText('→ Short wait').waitFor();
    await to.getByTestId('migration-short').getByText('3 arrive here').waitFor();

    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
    const result = dialog.getByRole('status');
    await result.getByText('Checked: 3 clients move, 0 stay on version 1.').waitFor();
    await result.getByText('3 from “Cooling off” to “Short wait”').waitFor();
    await page.screenshot({ path: screenshotPath('migration-02-checked-en') });

    await dialog.getByRole('button', { name: 'Move 3 clients' }).click();
    await result.getByText('Done: 3 clients were moved to version 2; 0 stay on version 1.').waitFor();
    await page.screenshot({ path: screenshotPath('migration-03-moved-en') });
    for (const clientId of clientIds) {
      await waitUntil(() => isOnV2Step(clientId, 'short'), undefined, `${clientId} on v2's "short"`);
    }
    // Counted again once the API has them on v2, the old version has nobody left waiting.
    await dialog.getByRole('button', { name: 'Count again' }).click();
    await dialog.getByText('Nobody is waiting on version 1.').waitFor();
    expect(await from.getByTestId('migration-hold').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('migration-06-recounted-en') });
  });

  it('proposes the step of the same name, and moves the clients on it (Russian)', async () => {
    const pause = waitStep('pause', 'Пауза', 30);
    const renamed = waitStep('pause-2', 'Пауза', 14);
    const { journeyId, clientIds } = await journeyWithClientsWaiting('Возврат', 2, pause, renamed);
    const page = await newPage('ru');
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Версии', exact: true }).click();
    await page.getByRole('button', { name: 'Перенести ожидающих клиентов…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Перенос ожидающих клиентов' });
    const pauseMark = dialog.getByTestId('migration-from').getByTestId('migration-pause');
    await pauseMark.getByText('Ждут: 2').waitFor();
    await pauseMark.getByText('→ Пауза').waitFor();
    await dialog
      .getByTestId('migration-to')
      .getByTestId('migration-pause-2')
      .getByText('Придут сюда: 2')
      .waitFor();

    await dialog.getByRole('button', { name: 'Проверить', exact: true }).click();
    const result = dialog.getByRole('status');
    await result.getByText('Проверено: переходят 2, остаются в версии 1: 0.').waitFor();
    await page.screenshot({ path: screenshotPath('migration-04-checked-ru') });
    await dialog.getByRole('button', { name: 'Перенести клиентов: 2' }).click();
    await result.getByText('Готово: в версию 2 перенесено клиентов: 2; остаются в версии 1: 0.').waitFor();
    await page.screenshot({ path: screenshotPath('migration-05-moved-ru') });
    for (const clientId of clientIds) {
      await waitUntil(() => isOnV2Step(clientId, 'pause-2'), undefined, `${clientId} on v2's "pause-2"`);
    }
  });

  it('refuses to move clients waiting for a call outcome, saying why on the step (Russian)', async () => {
    await call('POST', '/v1/templates', {
      channel: 'call',
      key: 'call-script',
      name: 'Call',
      body: 'Hello!',
    });
    const personalCall: StoryStep = {
      id: 'call',
      kind: 'send',
      name: 'Личный звонок',
      config: { channels: ['call'], templateId: 'call-script', callOutcome: { exits: [] } },
    };
    const { journeyId } = await journeyWithClientsWaiting(
      'Звонок',
      2,
      personalCall,
      waitStep('cool', 'Остывание', 7),
    );
    const page = await newPage('ru');
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Версии', exact: true }).click();
    await page.getByRole('button', { name: 'Перенести ожидающих клиентов…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Перенос ожидающих клиентов' });
    const from = dialog.getByTestId('migration-from');
    await from.getByTestId('migration-call').getByText('Ждут: 2').waitFor();
    await from.getByTestId('step-call').click();
    await dialog.getByTestId('migration-to').getByTestId('step-cool').click();
    await dialog.getByRole('button', { name: 'Проверить', exact: true }).click();
    await from
      .getByTestId('migration-call')
      .getByText('Клиенты на шаге «Личный звонок» ещё проходят его', { exact: false })
      .waitFor();
    const result = dialog.getByRole('status');
    await result.getByText('Перенос невозможен, проблем: 1. Они отмечены на шагах.').waitFor();
    await result.getByText('Клиенты на шаге «Личный звонок» ещё проходят его', { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: /Перенести клиентов/ }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('migration-07-refused-ru') });
  });
});
