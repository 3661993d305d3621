import { describe, expect, it } from 'vitest';
import { compileJourney, validateJourney } from '@touchpoint/language';
import { CALL_OUTCOMES } from '../api/schemas';
import { JOURNEY_TEMPLATES } from './index';

describe('journey templates', () => {
  it('covers the five practices of the seeds with unique ids', () => {
    expect(JOURNEY_TEMPLATES.map((template) => template.id)).toEqual([
      'smart-trigger-win-back',
      'checkpoint-escalation',
      'welcome-series',
      'abandoned-booking-call',
      'rfm-r1f3m3-win-back',
    ]);
  });

  for (const template of JOURNEY_TEMPLATES) {
    it(`${template.id} is valid and compiles as is`, () => {
      expect(validateJourney(template.definition)).toEqual([]);
      expect(compileJourney(template.definition).ok).toBe(true);
    });

    it(`${template.id} places every step on the canvas`, () => {
      const ids = template.definition.nodes.map((node) => node.id).sort();
      expect(Object.keys(template.definition.layout ?? {}).sort()).toEqual(ids);
    });
  }

  it('waits for call outcomes as the server signals them (call.<outcome>), every outcome handled', () => {
    const template = JOURNEY_TEMPLATES.find((candidate) => candidate.id === 'abandoned-booking-call');
    const outcomeWaits = (template?.definition.nodes ?? []).flatMap((node) =>
      node.kind === 'waitForEvent' &&
      node.config.exits.some((exit) => exit.scope?.kind === 'callTaskFromNode')
        ? [node.config.exits.map((exit) => exit.event.type)]
        : [],
    );
    expect(outcomeWaits).toHaveLength(2);
    for (const types of outcomeWaits) {
      expect([...types].sort()).toEqual(CALL_OUTCOMES.map((outcome) => `call.${outcome}`).sort());
    }
  });
});
