import { describe, expect, it } from 'vitest';
import { validateJourney } from '@touchpoint/language';
import { JOURNEY_TEMPLATES } from './index';
import { collectNames, localizeDefinition, TEMPLATE_NAMES_RU } from './localize-template';

describe('templates in Russian', () => {
  it('has a Russian name for every label of every template', () => {
    const names = new Set<string>();
    for (const template of JOURNEY_TEMPLATES) collectNames(template.definition, names);
    expect([...names].filter((name) => !(name in TEMPLATE_NAMES_RU))).toEqual([]);
  });

  it('renames labels only: the Russian journey is the same journey and still valid', () => {
    for (const template of JOURNEY_TEMPLATES) {
      const russian = localizeDefinition(template.definition, 'ru');
      expect(validateJourney(russian)).toEqual([]);
      expect(JSON.stringify(russian).includes('Bought')).toBe(false);
      const strip = (value: unknown) =>
        JSON.stringify(value, (key, item: unknown) => (key === 'name' ? undefined : item));
      expect(strip(russian)).toBe(strip(template.definition));
    }
    expect(localizeDefinition(JOURNEY_TEMPLATES[0]?.definition, 'en')).toBe(JOURNEY_TEMPLATES[0]?.definition);
  });
});
