import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCallTask } from '@touchpoint/domain';
import { clients, enrollments, eq, nodeVisits, templates } from '@touchpoint/db';
import { callAsAdmin, type BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage, type BuilderPageWorld } from './use-builder-page';

const DAY = 86_400_000;

/** A journey as a marketer draws it: named steps, a ladder whose rungs have ids only, a call step. */
const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', name: 'Bought once', config: { trigger: { kind: 'manual' } } },
    {
      id: 'escalationLadder-1',
      kind: 'escalationLadder',
      name: 'Bring them back',
      config: {
        checkpoint: { source: 'attribute', attribute: 'bookingDate' },
        pastCheckpoint: 'runNow',
        quietHours: 'skip',
        rungs: [
          { id: 'remind', offset: { amount: -3, unit: 'days' }, channels: ['email'], templateId: 'remind' },
          { id: 'nudge', offset: { amount: 2, unit: 'days' }, channels: ['sms'], templateId: 'sms-offer' },
        ],
      },
    },
    {
      id: 'call',
      kind: 'send',
      name: 'Call the client',
      config: {
        channels: ['call'],
        templateId: 'call-script',
        quietHours: 'skip',
        callOutcome: { exits: ['booking'] },
      },
    },
    { id: 'won', kind: 'exit', name: 'Came back', config: { reason: 'converted' } },
    { id: 'lost', kind: 'exit', config: { reason: 'notConverted' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'escalationLadder-1' },
    { id: 'e2', source: 'escalationLadder-1', sourcePort: 'done', target: 'call' },
    { id: 'e3', source: 'call', sourcePort: 'call:booking', target: 'won' },
    { id: 'e4', source: 'call', sourcePort: 'sent', target: 'lost' },
    { id: 'e5', source: 'call', sourcePort: 'unreachable', target: 'lost' },
  ],
};

let world: BuilderPageWorld;
let server: BuilderServer;
let page: Page;

/** Anna's walk through the journey, as the bookkeeping records it, oldest first. */
async function seedAnnasRun(journeyId: string) {
  const [anna] = await server.db.select().from(clients).where(eq(clients.externalId, 'anna'));
  const start = Date.now() - 10 * DAY;
  const at = (hours: number) => new Date(start + hours * 3_600_000);
  const [run] = await server.db
    .insert(enrollments)
    .values({
      journeyId,
      journeyVersion: 1,
      clientId: anna!.id,
      workflowId: `journey:${journeyId}:client:${anna!.id}`,
      source: 'manual',
      enteredAt: at(0),
      exitedAt: at(50),
      status: 'completed',
      exitReason: 'converted',
    })
    .returning();
  const visit = { enrollmentId: run!.id, journeyId, journeyVersion: 1 };
  await server.db.insert(nodeVisits).values([
    { ...visit, nodeId: 'entry', visitSeq: 0, enteredAt: at(0), outcome: 'out' },
    { ...visit, nodeId: 'escalationLadder-1/remind/wait', visitSeq: 1, enteredAt: at(1), outcome: 'out' },
    { ...visit, nodeId: 'escalationLadder-1/remind/send', visitSeq: 2, enteredAt: at(2), outcome: 'sent' },
    { ...visit, nodeId: 'call', visitSeq: 3, enteredAt: at(3), outcome: 'call:booking' },
    { ...visit, nodeId: 'won', visitSeq: 4, enteredAt: at(50), outcome: 'converted' },
  ]);
  return { journeyId, runId: run!.id };
}

useBuilderPage((started) => ({ server, page } = world = started), {
  server: { app: () => ({ config: { temporalUiUrl: 'http://127.0.0.1:8233' } }) },
  seed: async (started) => {
    server = started;
    await server.db
      .insert(templates)
      .values({ key: 'call-script', channel: 'call', name: 'Call', body: 'Hello!' });
    const granted = { status: 'granted', updatedAt: '2026-03-01T10:00:00Z', source: 'signup form' };
    await callAsAdmin(server, 'PUT', '/v1/clients/anna', {
      phone: '+79161234567',
      email: 'anna@example.com',
      attributes: { name: 'Анна Петрова' },
      consent: { email: granted, sms: { ...granted, status: 'denied' } },
    });
    // 44 more clients: two pages of the client list, three of the queue.
    for (let i = 0; i < 44; i += 1) {
      const n = String(i).padStart(2, '0');
      await callAsAdmin(server, 'PUT', `/v1/clients/client-${n}`, {
        phone: `+7916000${n.padStart(4, '0')}`,
        attributes: { name: `Client ${n}` },
      });
    }
    await callAsAdmin(server, 'POST', '/v1/purchases', {
      purchases: [30, 90].map((days, index) => ({
        idempotencyKey: `anna-${index}`,
        clientId: 'anna',
        purchasedAt: new Date(Date.now() - days * DAY).toISOString(),
        value: 1500 + index * 500,
        currency: 'RUB',
      })),
    });
    const journey = await callAsAdmin<{ id: string }>(server, 'POST', '/v1/journeys', {
      name: 'Win back',
      definition: DEFINITION,
    });
    await callAsAdmin(server, 'POST', `/v1/journeys/${journey.id}/publish`, {});
    const { runId } = await seedAnnasRun(journey.id);
    for (const name of ['Olga Operator', 'Pavel Operator'])
      await callAsAdmin(server, 'POST', '/v1/operators', {
        name,
        email: `${name.split(' ')[0]}@example.com`,
      });
    const ids = ['anna', ...Array.from({ length: 44 }, (_, i) => `client-${String(i).padStart(2, '0')}`)];
    for (const [index, clientId] of ids.entries()) {
      await createCallTask(server.db, {
        idempotencyKey: `queue-${clientId}`,
        clientId,
        nodeId: 'call',
        journeyId: index % 2 === 0 ? journey.id : null,
        journeyVersion: index % 2 === 0 ? 1 : null,
        enrollmentId: clientId === 'anna' ? runId : null,
        priority: clientId === 'anna' ? 10 : (index * 37) % 100,
        // Anna's call was due two hours ago with a one-hour SLA: it is late.
        dueAt: new Date(Date.now() + (clientId === 'anna' ? -2 : index) * 3_600_000).toISOString(),
        slaMinutes: 60,
        script: 'Hello! We have a gift for your next visit.',
      });
    }
  },
});

/** Every visible text of the history, to check no engine words leak into it. */
const historyText = async () => (await page.locator('.timeline').innerText()).replace(/\u00a0/g, ' ');

describe('the client list and card', () => {
  it('searches, filters and pages clients, and opens a card in the marketer’s words, EN then RU', async () => {
    await page.goto(`${server.url}/#/clients`);
    await page.getByRole('link', { name: 'Client 00' }).waitFor();
    expect(await page.locator('.client-table tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2').waitFor();
    await page.getByRole('link', { name: 'Client 43' }).waitFor();
    await page.getByTestId('client-search').click();
    await page.keyboard.type('петр');
    await page.getByText('Page 1').waitFor();
    await page.getByRole('link', { name: 'Анна Петрова' }).waitFor();
    await expect.poll(() => page.locator('.client-table tbody tr').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('people-01-client-list') });

    await page.getByRole('link', { name: 'Анна Петрова' }).click();
    await page.getByTestId('client-journeys').waitFor();
    expect(await page.getByTestId('client-consent').innerText()).toContain('agreed on');
    expect(await page.getByTestId('client-journeys').innerText()).toMatch(/Win back\s+finished/);
    const temporal = page.getByRole('link', { name: 'run details in Temporal' });
    expect(await temporal.getAttribute('href')).toMatch(
      /^http:\/\/127\.0\.0\.1:8233\/namespaces\/default\/workflows\//,
    );
    const history = await historyText();
    expect(history).toContain('Step “Bring them back, step 1 (waiting for its day)” → next');
    expect(history).toContain('Step “Call the client” → Booked');
    expect(history).toContain('Step “Came back” → goal reached');
    expect(history).toMatch(/Finished the journey “Win back”\s+because goal reached/);
    expect(history).not.toMatch(/escalationLadder|notConverted|call:booking|remind\/wait/);
    await page.screenshot({ path: screenshotPath('people-02-client-card-en'), fullPage: true });

    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByText('Что происходило').waitFor();
    const russian = await historyText();
    expect(russian).toContain('Шаг «Bring them back, ступень 1 (ожидание своего дня)» → далее');
    expect(russian).toContain('Шаг «Came back» → цель достигнута');
    expect(await page.getByTestId('client-consent').innerText()).toContain('отказ от');
    await page.screenshot({ path: screenshotPath('people-03-client-card-ru'), fullPage: true });
    await page.getByRole('button', { name: 'EN' }).click();
  });
});

describe('the call queue', () => {
  it('counts, pages, orders and searches the queue; one operator takes a call, another cannot', async () => {
    await page.goto(`${server.url}/#/operator`);
    await page.getByTestId('operator-picker').selectOption({ label: 'Olga Operator' });
    await page.getByRole('tab', { name: 'Waiting (45)' }).waitFor();
    expect(await page.getByTestId('call-range').innerText()).toBe('1–20 of 45');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => page.getByTestId('call-range').innerText()).toBe('21–40 of 45');
    await page.getByTestId('call-sort').selectOption('sla');
    await expect.poll(() => page.getByTestId('call-range').innerText()).toBe('1–20 of 45');
    // Nearest deadline first: Anna's late call leads the queue.
    await expect.poll(() => page.locator('.operator-queue li').first().innerText()).toContain('Анна Петрова');
    expect(await page.getByTestId('late-count').innerText()).toBe('1 overdue');

    await page.getByTestId('call-search').click();
    await page.keyboard.type('9161234');
    await expect.poll(() => page.getByTestId('call-range').innerText()).toBe('1–1 of 1');
    await page.getByRole('button', { name: 'Take this call' }).click();
    await page.getByText('This call is yours').waitFor();

    // Pavel, in another browser, finds the call taken.
    const pavel = await world.newPage();
    await pavel.goto(`${server.url}/#/operator`);
    await pavel.getByTestId('operator-picker').selectOption({ label: 'Pavel Operator' });
    await pavel.getByRole('tab', { name: 'In progress (1)' }).click();
    await pavel.getByText('Another operator is on this call').waitFor();
    expect(await pavel.getByRole('button', { name: 'Take this call' }).count()).toBe(0);

    await page.getByLabel('Note for the record (optional)').click();
    await page.keyboard.type('Busy at work, call after six');
    const callbackAt = new Date(Date.now() + 2 * DAY);
    callbackAt.setHours(18, 30, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${callbackAt.getFullYear()}-${pad(callbackAt.getMonth() + 1)}-${pad(callbackAt.getDate())}T18:30`;
    await page.getByTestId('callback-at').fill(local);
    await page.screenshot({ path: screenshotPath('people-04-call-claimed') });
    await page.getByRole('button', { name: 'Schedule the callback' }).click();

    // The callback is queued at the time asked for, with the note for whoever calls next.
    await page.getByRole('tab', { name: 'Done (1)' }).waitFor();
    await page.getByText('Last time: “Busy at work, call after six”').waitFor();
    await page.getByRole('tab', { name: 'Done (1)' }).click();
    await page.getByTestId('recorded-outcome').waitFor();
    expect(await page.getByTestId('recorded-outcome').innerText()).toMatch(/^Call back later, /);
    await page.screenshot({ path: screenshotPath('people-05-call-done') });

    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('tab', { name: 'Готово (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Ждут (1)' }).click();
    await page.getByText('В прошлый раз: «Busy at work, call after six»').waitFor();
    await page.screenshot({ path: screenshotPath('people-06-queue-ru') });

    await page.goto(`${server.url}/#/clients/anna`);
    await page.getByText('Заметка оператора: «Busy at work, call after six»').waitFor();
    expect(await historyText()).toContain('Звонок: Перезвонить позже');
    await page.screenshot({ path: screenshotPath('people-07-timeline-note-ru'), fullPage: true });
    await page.getByRole('button', { name: 'EN' }).click();
  });
});
