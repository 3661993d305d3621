import { describe, expect, it } from 'vitest';
import { SEED_004_JOURNEY } from './examples';
import { haveSameBehaviour } from './same-behaviour';

describe('haveSameBehaviour', () => {
  it('ignores positions and key order', () => {
    const moved = { ...SEED_004_JOURNEY, layout: { entry: { x: 400, y: 9 } } };
    const reordered = Object.fromEntries(Object.entries(SEED_004_JOURNEY).reverse());
    expect(haveSameBehaviour(SEED_004_JOURNEY, moved)).toBe(true);
    expect(haveSameBehaviour(SEED_004_JOURNEY, reordered)).toBe(true);
  });

  it('sees a renamed step or a changed offset', () => {
    const renamed = {
      ...SEED_004_JOURNEY,
      nodes: SEED_004_JOURNEY.nodes.map((node) => (node.id === 'lost' ? { ...node, name: 'Lost' } : node)),
    };
    expect(haveSameBehaviour(SEED_004_JOURNEY, renamed)).toBe(false);
  });
});
