import { describe, expect, it } from 'vitest';
import { JOURNEY_TEMPLATES } from '../templates';
import { layoutSteps } from './auto-layout';
import { draftToCanvas } from './convert';
import { JourneyDraft } from './draft';

describe('layoutSteps', () => {
  it('places every step below the step that leads to it, without overlaps', async () => {
    const template = JOURNEY_TEMPLATES.find((candidate) => candidate.id === 'welcome-series');
    const canvas = draftToCanvas(JourneyDraft.parse(template?.definition));
    const positions = await layoutSteps(canvas.nodes, canvas.edges);
    expect(Object.keys(positions).sort()).toEqual(canvas.nodes.map((node) => node.id).sort());
    for (const edge of canvas.edges) {
      expect(positions[edge.target]?.y ?? 0).toBeGreaterThan(positions[edge.source]?.y ?? 0);
    }
    const boxes = Object.values(positions);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(Math.abs(a.x - b.x) >= 240 || Math.abs(a.y - b.y) >= 110).toBe(true);
      }
    }
  });
});

describe('layoutSteps port order', () => {
  it('keeps a split’s branches in the order of its ports', async () => {
    const template = JOURNEY_TEMPLATES.find((candidate) => candidate.id === 'welcome-series');
    const canvas = draftToCanvas(JourneyDraft.parse(template?.definition));
    const positions = await layoutSteps(canvas.nodes, canvas.edges);
    expect(positions['offer-a']?.x ?? 0).toBeLessThan(positions['offer-b']?.x ?? 0);
  });
});
