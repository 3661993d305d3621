import { SEED_004_JOURNEY } from '@touchpoint/language';
import { describe, expect, it } from 'vitest';
import type { StepNode } from '../canvas/convert';
import { translate, type Locale } from '../i18n/i18n';
import { drawnNodes, nameSimulatedStep } from './name-simulated-step';

const canvas = (named: boolean): StepNode[] =>
  SEED_004_JOURNEY.nodes.map((node) => ({
    id: node.id === 'ladder' ? 'escalationLadder-1' : node.id,
    type: node.kind,
    position: { x: 0, y: 0 },
    data: { kind: node.kind, config: node.config, ...(named && node.name ? { name: node.name } : {}) },
  }));
const name = (locale: Locale, named: boolean, planNodeId: string) =>
  nameSimulatedStep(drawnNodes(canvas(named)), planNodeId, 'from the server', (key, values) =>
    translate(locale, key, values),
  );

describe('simulated steps named as the client timeline names them', () => {
  it('names a ladder rung by its place and part, never by the compiled id', () => {
    expect(name('en', false, 'escalationLadder-1/stimulate/send')).toBe(
      'Escalation ladder, step 2 (message)',
    );
    expect(name('en', true, 'escalationLadder-1/remind/wait')).toBe(
      'Remind, stimulate, escalate, step 1 (waiting for its day)',
    );
    expect(name('ru', true, 'escalationLadder-1/sms/send')).toBe(
      'Remind, stimulate, escalate, ступень 3 (сообщение)',
    );
  });

  it("falls back to the server's name for a step the canvas no longer has", () => {
    expect(name('en', true, 'gone/remind/send')).toBe('from the server');
    expect(name('en', true, 'lost')).toBe('Exit');
  });
});
