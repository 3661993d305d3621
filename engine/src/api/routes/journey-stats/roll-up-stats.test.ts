import { describe, expect, it } from 'vitest';
import { EMPTY_COUNTS, originOf, rollUpStats } from './roll-up-stats';

describe('rollUpStats', () => {
  it('counts a ladder entered once per crossing from outside, not once per rung', () => {
    const t = (fromNodeId: string, port: string, toNodeId: string, n: number) => ({
      version: 1,
      fromNodeId,
      port,
      toNodeId,
      edgeId: null,
      n,
    });
    const { nodes, edges } = rollUpStats(
      {
        steps: {
          entry: { ...EMPTY_COUNTS, entered: 10 },
          'ladder/a/wait': { ...EMPTY_COUNTS, entered: 10, waiting: 2 },
          'ladder/a/send': { ...EMPTY_COUNTS, entered: 8, sent: 7 },
          'ladder/b/wait': { ...EMPTY_COUNTS, entered: 8, waiting: 3 },
          end: { ...EMPTY_COUNTS, entered: 5 },
        },
        convertedByNode: { ladder: 4 },
        transitions: [
          t('entry', 'out', 'ladder/a/wait', 10),
          t('ladder/a/wait', 'out', 'ladder/a/send', 8),
          t('ladder/a/send', 'sent', 'ladder/b/wait', 8),
          t('ladder/b/wait', 'skipped', 'end', 5),
        ],
      },
      {
        nodeIds: new Set(['entry', 'ladder', 'end', 'unused']),
        edgeIds: new Map([
          ['1|entry|out|ladder', 'e1'],
          ['1|ladder|done|end', 'e2'],
        ]),
      },
    );
    expect(nodes).toEqual({
      entry: { entered: 10, waiting: 0, sent: 0, converted: 0, failed: 0 },
      ladder: { entered: 10, waiting: 5, sent: 7, converted: 4, failed: 0 },
      end: { entered: 5, waiting: 0, sent: 0, converted: 0, failed: 0 },
      unused: EMPTY_COUNTS,
    });
    expect(edges).toEqual({ e1: 10, e2: 5 });
  });

  it('maps a compiled step to the ladder it came from', () => {
    expect(originOf('ladder/remind/send')).toBe('ladder');
    expect(originOf('entry')).toBe('entry');
  });
});
