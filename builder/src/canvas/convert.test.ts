import { describe, expect, it } from 'vitest';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import { JOURNEY_TEMPLATES } from '../templates';
import { canvasToDraft, draftToCanvas } from './convert';
import { JourneyDraft } from './draft';

describe('canvas <-> draft conversion', () => {
  const drafts = [
    ['seed 004', SEED_004_JOURNEY],
    ...JOURNEY_TEMPLATES.map((template) => [template.id, template.definition] as const),
  ] as const;

  for (const [name, definition] of drafts) {
    it(`round-trips ${name} unchanged`, () => {
      const draft = JourneyDraft.parse(definition);
      expect(canvasToDraft(draftToCanvas(draft))).toEqual(draft);
    });
  }

  it('turns ports into handles and positions into layout', () => {
    const canvas = draftToCanvas(JourneyDraft.parse(SEED_004_JOURNEY));
    expect(canvas.edges[1]).toMatchObject({ source: 'ladder', sourceHandle: 'done', target: 'lost' });
    expect(canvas.nodes[1]).toMatchObject({
      id: 'ladder',
      type: 'escalationLadder',
      position: { x: 0, y: 150 },
    });
  });

  it('keeps half-finished steps and rounds dragged positions', () => {
    const draft = JourneyDraft.parse({
      schemaVersion: 1,
      nodes: [{ id: 's', kind: 'send', config: { channels: [] } }],
      edges: [],
    });
    const canvas = draftToCanvas(draft);
    expect(canvas.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    const moved = { ...canvas, nodes: canvas.nodes.map((n) => ({ ...n, position: { x: 10.4, y: 19.6 } })) };
    expect(canvasToDraft(moved)).toEqual({ ...draft, layout: { s: { x: 10, y: 20 } } });
  });

  it('loads and keeps a half-filled goal and settings (validation reports them, loading does not fail)', () => {
    const half = {
      schemaVersion: 1,
      nodes: [],
      edges: [],
      goal: { event: { type: '', filters: [{ property: '', op: 'eq' }] } },
      settings: { reentry: 'afterExit', timezoneFallback: '' },
    };
    const draft = JourneyDraft.parse(half);
    expect(canvasToDraft(draftToCanvas(draft))).toEqual({ ...half, layout: {} });
  });
});
