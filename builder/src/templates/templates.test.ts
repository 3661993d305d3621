import { describe, expect, it } from 'vitest';
import { compileJourney, validateJourney } from '@touchpoint/engine/language';
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
});
