import { eq, templates } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// A run that fails for good (a template that cannot render for this client, a template deleted while
// clients wait for it) must end `failed` with its reason, not stay `active` forever: the timeline
// says why, and the stats stop counting the client as waiting.

type Timeline = {
  items: { kind: string; status: string | null; reason: string | null; nodeId: string | null }[];
};
type Stats = {
  totals: { enrolled: number; active: number; failed: number };
  nodes: Record<string, { waiting: number; failed: number }>;
};

function journeyWith(templateId: string, before: 'none' | 'wait') {
  const wait = {
    id: 'pause',
    kind: 'wait',
    config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
  };
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
      ...(before === 'wait' ? [wait] : []),
      { id: 'mail', kind: 'send', config: { channels: ['email'], templateId, quietHours: 'skip' } },
      { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    ],
    edges: [
      { id: 'e1', source: 'entry', sourcePort: 'out', target: before === 'wait' ? 'pause' : 'mail' },
      ...(before === 'wait' ? [{ id: 'e0', source: 'pause', sourcePort: 'out', target: 'mail' }] : []),
      { id: 'e2', source: 'mail', sourcePort: 'sent', target: 'done' },
      { id: 'e3', source: 'mail', sourcePort: 'unreachable', target: 'done' },
    ],
    settings: {},
    layout: {},
  };
}

describe('a run that fails for good', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'failed-run' });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  async function publishAndEnroll(name: string, definition: unknown, externalId: string, vip: boolean) {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', { name, definition });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
    await tp.call('PUT', `/v1/clients/${externalId}`, {
      email: `${externalId}@example.com`,
      attributes: { vip },
      consent: { email: { status: 'granted', updatedAt: new Date().toISOString() } },
    });
    const enrolled = await tp.call<{ items: { workflowId: string | null }[] }>(
      'POST',
      `/v1/journeys/${journey.id}/enrollments`,
      { clientIds: [externalId] },
    );
    return { journeyId: journey.id, workflowId: enrolled.items[0]?.workflowId ?? '' };
  }

  async function waitForFailedExit(externalId: string) {
    let timeline: Timeline = { items: [] };
    await waitUntil(async () => {
      timeline = await tp.call<Timeline>('GET', `/v1/clients/${externalId}/timeline`);
      return timeline.items.some((item) => item.kind === 'exit');
    }, 60_000);
    return timeline;
  }

  it('ends failed when the template cannot render for the client; timeline and stats say so', async () => {
    // Renders for the sample client of the trial render (no `vip`), not for a VIP: the VIP branch decodes a
    // malformed percent-escape, which Liquid's `url_decode` throws on at render time.
    await tp.call('POST', '/v1/templates', {
      channel: 'email',
      key: 'vip-mail',
      name: 'VIP mail',
      format: 'html',
      subject: 'Hello',
      body: '<p>Hello{% if client.vip %}{{ "%E0%A4%A" | url_decode }}{% endif %}</p>',
    });
    const { journeyId, workflowId } = await publishAndEnroll(
      'VIP',
      journeyWith('vip-mail', 'none'),
      'vip-1',
      true,
    );

    const timeline = await waitForFailedExit('vip-1');
    const exit = timeline.items.find((item) => item.kind === 'exit');
    expect(exit?.status).toBe('failed');
    expect(exit?.reason).toMatch(/^TemplateRenderFailed: .*URI malformed/);
    const message = timeline.items.find((item) => item.kind === 'message');
    expect(message).toMatchObject({ status: 'failed', nodeId: 'mail' });
    expect(message?.reason).toMatch(/URI malformed/);
    const visit = timeline.items.find((item) => item.kind === 'nodeVisit' && item.nodeId === 'mail');
    expect(visit).toBeDefined();

    const stats = await tp.call<Stats>('GET', `/v1/journeys/${journeyId}/stats`);
    expect(stats.totals).toMatchObject({ enrolled: 1, active: 0, failed: 1 });
    expect(stats.nodes.mail).toMatchObject({ waiting: 0, failed: 1 });
    // The workflow itself fails too, so Temporal keeps the whole failure for whoever debugs it.
    await expect(tp.env.client.workflow.getHandle(workflowId).result()).rejects.toThrow();
    expect(tp.mailbox.listMessages()).toHaveLength(0);
  });

  it('ends failed when its template is deleted while clients wait for it', async () => {
    const template = await tp.call<{ id: string }>('POST', '/v1/templates', {
      channel: 'email',
      key: 'soon-gone',
      name: 'Soon gone',
      format: 'html',
      subject: 'Hi',
      body: '<p>Hi</p>',
    });
    const { journeyId, workflowId } = await publishAndEnroll(
      'Deleted template',
      journeyWith('soon-gone', 'wait'),
      'late-1',
      false,
    );
    await waitUntil(async () => {
      const stats = await tp.call<Stats>('GET', `/v1/journeys/${journeyId}/stats`);
      return stats.nodes.pause?.waiting === 1;
    }, 30_000);
    const deleted = await fetch(`${tp.apiUrl}/v1/templates/${template.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tp.adminKey}` },
    });
    // The API refuses to delete a template a journey sends; the run must still fail for good when the
    // row goes some other way (a restore, a hand-run SQL), so the test removes it beneath the API.
    expect(deleted.status).toBe(409);
    await tp.database.db.delete(templates).where(eq(templates.id, template.id));
    // Awaiting the result lets the time-skipping server jump over the day's wait.
    await expect(tp.env.client.workflow.getHandle(workflowId).result()).rejects.toThrow();

    const timeline = await waitForFailedExit('late-1');
    const exit = timeline.items.find((item) => item.kind === 'exit');
    expect(exit).toMatchObject({ status: 'failed' });
    expect(exit?.reason).toMatch(/^TemplateNotFound: .*soon-gone/);
    const stats = await tp.call<Stats>('GET', `/v1/journeys/${journeyId}/stats`);
    expect(stats.totals).toMatchObject({ enrolled: 1, active: 0, failed: 1 });
    expect(stats.nodes.mail).toMatchObject({ waiting: 0, failed: 1 });
    expect(stats.nodes.pause).toMatchObject({ waiting: 0, failed: 0 });
  });
});
