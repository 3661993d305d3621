import type { NodeKind } from '@touchpoint/language';

/** How each kind looks in the palette and on the canvas. Keyed by kind so a new kind must get one. */
export const NODE_LOOKS: Record<NodeKind, { icon: string; color: string }> = {
  entry: { icon: '⚑', color: '#2e7d32' },
  wait: { icon: '◔', color: '#6d4c41' },
  waitForEvent: { icon: '◎', color: '#00838f' },
  conditionSplit: { icon: '⋔', color: '#6a1b9a' },
  randomSplit: { icon: '⚄', color: '#ad1457' },
  send: { icon: '✉', color: '#1565c0' },
  escalationLadder: { icon: '☰', color: '#e65100' },
  updateClient: { icon: '✎', color: '#455a64' },
  startJourney: { icon: '↪', color: '#283593' },
  exit: { icon: '⊘', color: '#b71c1c' },
};
