import { describe, expect, it } from 'vitest';
import { findJourneyWarnings, isGoalOnlyMetByEntryEvent } from './goal-rules';
import { JourneyDefinition } from './definition';

const purchase = (filters: unknown[] = []) => ({ type: 'purchase', filters });
const big = { property: 'value', op: 'gte', value: 100 };

function journey(options: {
  entry: unknown;
  goal: unknown;
  reentry: 'once' | 'afterExit' | 'concurrent';
  until?: string;
}) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: options.entry } } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
    goal: { event: options.goal },
    settings: { reentry: options.reentry, entryWindow: options.until ? { until: options.until } : {} },
  };
}

const check = (raw: unknown) => isGoalOnlyMetByEntryEvent(JourneyDefinition.parse(raw));

describe('isGoalOnlyMetByEntryEvent', () => {
  it('holds when every goal event enrolls anew (concurrent re-entry)', () => {
    expect(check(journey({ entry: purchase(), goal: purchase(), reentry: 'concurrent' }))).toBe(true);
    expect(check(journey({ entry: purchase(), goal: purchase([big]), reentry: 'concurrent' }))).toBe(true);
  });

  it('does not hold when the next goal event reaches the running enrollment', () => {
    // afterExit / once: a second purchase is delivered to the client's run and converts it.
    expect(check(journey({ entry: purchase(), goal: purchase(), reentry: 'afterExit' }))).toBe(false);
    expect(check(journey({ entry: purchase(), goal: purchase(), reentry: 'once' }))).toBe(false);
    // A small purchase does not enroll, so it reaches the run that a big one started.
    expect(check(journey({ entry: purchase([big]), goal: purchase(), reentry: 'concurrent' }))).toBe(false);
    // After the entry window closes, purchases no longer enroll.
    const until = '2030-01-01T00:00:00Z';
    expect(check(journey({ entry: purchase(), goal: purchase(), reentry: 'concurrent', until }))).toBe(false);
    expect(check(journey({ entry: { type: 'signup' }, goal: purchase(), reentry: 'concurrent' }))).toBe(
      false,
    );
  });
});

describe('findJourneyWarnings', () => {
  it('warns with a stable code naming the goal and the re-entry setting', () => {
    const warnings = findJourneyWarnings(
      journey({ entry: purchase(), goal: purchase(), reentry: 'concurrent' }),
    );
    expect(warnings).toEqual([
      expect.objectContaining({ nodeId: null, code: 'goalOnlyByEntryEvent', severity: 'warning' }),
    ]);
    expect(warnings[0]?.message).toMatch(/^Goal: .*settings\.reentry/);
  });

  it('says nothing about a definition that does not parse', () => {
    expect(findJourneyWarnings({ schemaVersion: 2 })).toEqual([]);
  });
});
