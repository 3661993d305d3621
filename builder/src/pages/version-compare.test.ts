import { describe, expect, it } from 'vitest';
import { JOURNEY_TEMPLATES } from '../templates';
import { buildComparison } from './version-compare-dialog';

describe('buildComparison', () => {
  it('shows the newer version with the older version’s removed steps ghosted in place', () => {
    const before = JOURNEY_TEMPLATES[0]?.definition;
    const after = {
      ...before,
      nodes: before?.nodes.filter((node) => node.id !== 'sms'),
      edges: before?.edges.filter((edge) => edge.source !== 'sms' && edge.target !== 'sms'),
    };
    const { canvas, diff } = buildComparison(before, after);
    expect(diff.steps).toEqual({ sms: 'removed' });
    const ghost = canvas.nodes.find((node) => node.id === 'sms');
    expect(ghost?.position).toEqual(before?.layout?.sms);
    expect(canvas.edges.some((edge) => edge.source === 'sms' || edge.target === 'sms')).toBe(false);
  });
});
