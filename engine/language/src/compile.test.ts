import { describe, expect, it } from 'vitest';
import { compileJourney, nextNodeOf } from './compile';
import type { JourneyPlan } from './compile';
import { SEED_004_JOURNEY } from './examples';

function compiled(): JourneyPlan {
  const result = compileJourney(SEED_004_JOURNEY);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

describe('compileJourney', () => {
  it('expands the escalation ladder into a wait and a send per rung', () => {
    const plan = compiled();
    expect(Object.keys(plan.nodes).sort()).toEqual([
      'entry',
      'ladder/call/send',
      'ladder/call/wait',
      'ladder/remind/send',
      'ladder/remind/wait',
      'ladder/sms/send',
      'ladder/sms/wait',
      'ladder/stimulate/send',
      'ladder/stimulate/wait',
      'lost',
    ]);
    expect(plan.nodes['ladder/sms/send']).toMatchObject({ kind: 'send', origin: 'ladder' });
  });

  it("chains rungs in order and leaves through the ladder's done edge", () => {
    const plan = compiled();
    const path: string[] = [plan.entryNodeId];
    let port = 'out';
    for (let current: string | null = plan.entryNodeId; current !== null;) {
      current = nextNodeOf(plan, current, port);
      if (current) path.push(current);
      port = current?.endsWith('/wait') ? 'out' : 'sent';
    }
    expect(path).toEqual([
      'entry',
      'ladder/remind/wait',
      'ladder/remind/send',
      'ladder/stimulate/wait',
      'ladder/stimulate/send',
      'ladder/sms/wait',
      'ladder/sms/send',
      'ladder/call/wait',
      'ladder/call/send',
      'lost',
    ]);
  });

  it('lets a skipped rung go on to the next and tells each wait the next offset', () => {
    const plan = compiled();
    expect(nextNodeOf(plan, 'ladder/remind/wait', 'skipped')).toBe('ladder/stimulate/wait');
    expect(plan.nodes['ladder/remind/wait']).toMatchObject({ nextOffset: { amount: 5, unit: 'days' } });
    expect(plan.nodes['ladder/call/wait']).not.toHaveProperty('nextOffset');
  });

  it('returns the problems of an invalid journey', () => {
    const result = compileJourney({ schemaVersion: 1, nodes: [], edges: [] });
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'missingEntry' })] });
  });
});
