import { describe, expect, it } from 'vitest';
import { validateJourney } from '@touchpoint/language';
import { translate } from '../i18n/i18n';
import { describeProblem } from './describe-problem';

const say =
  (locale: 'en' | 'ru') => (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate(locale, key, values);

function problemsOf(nodes: unknown[], extra: Record<string, unknown> = {}) {
  return validateJourney({ schemaVersion: 1, nodes, edges: [], ...extra });
}

describe('describeProblem, for fields that break a rule', () => {
  it('says an empty client action needs filling in, not "Too small: expected string"', () => {
    const [problem] = problemsOf([
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: '' } } } },
    ]).filter((found) => found.code === 'invalidConfig');
    expect(problem && describeProblem(problem, say('en'))).toBe('Client action (event): fill it in');
    expect(problem && describeProblem(problem, say('ru'))).not.toMatch(/Too small|trigger\./);
  });

  it('names each broken field of a send once, by its label', () => {
    const [problem] = problemsOf([
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
      { id: 's', kind: 'send', config: { channels: [], templateId: '' } },
    ]).filter((found) => found.code === 'invalidConfig');
    expect(problem && describeProblem(problem, say('en'))).toBe(
      'Channels, in order of trying: choose at least 1; Message template: fill it in',
    );
  });

  it('says a bound in words, exclusive bounds as "more than"', () => {
    const [problem] = problemsOf([
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
      { id: 'w', kind: 'wait', config: { mode: 'duration', duration: { amount: -1, unit: 'days' } } },
    ]).filter((found) => found.code === 'invalidConfig');
    expect(problem && describeProblem(problem, say('en'))).toMatch(/^How long: (at least|more than) 0$/);
  });

  it('places a journey-wide issue in the goal it belongs to', () => {
    const [problem] = problemsOf([{ id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } }], {
      goal: { event: { type: '' } },
    }).filter((found) => found.code === 'invalidDefinition');
    expect(problem && describeProblem(problem, say('en'))).toBe(
      'Journey goal — Client action (event): fill it in',
    );
    expect(problem && describeProblem(problem, say('ru'))).toBe(
      'Цель цепочки — Действие клиента (событие): заполните',
    );
  });
});
