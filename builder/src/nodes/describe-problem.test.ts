import { describe, expect, it } from 'vitest';
import { validateJourney } from '@touchpoint/language';
import { translate } from '../i18n/i18n';
import { describeProblem, invalidFields } from './describe-problem';

const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('en', key, values);

describe('describeProblem', () => {
  it('names the missing fields of a half-filled step in plain words', () => {
    const problems = validateJourney({
      schemaVersion: 1,
      nodes: [
        { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
        { id: 's', kind: 'send', config: { channels: ['email'], templateId: '' } },
      ],
      edges: [{ id: 'e', source: 'entry', sourcePort: 'out', target: 's' }],
    });
    const onSend = problems.find((problem) => problem.nodeId === 's');
    expect(onSend && invalidFields(onSend.message)).toEqual(['templateId']);
    expect(onSend && describeProblem(onSend, en)).toBe('Message template: fill it in');
  });

  it('says which exit of a step is not connected', () => {
    const problems = validateJourney({
      schemaVersion: 1,
      nodes: [{ id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } }],
      edges: [],
    });
    expect(problems.map((problem) => describeProblem(problem, en))).toEqual([
      'Exit "next" leads nowhere: connect it to a next step',
    ]);
  });

  it('speaks of steps, not nodes, for journey-wide and catalog problems', () => {
    const [missing] = validateJourney({ schemaVersion: 1, nodes: [], edges: [] });
    expect(missing && describeProblem(missing, en)).toBe(
      'Add an Entry step: it decides who joins the journey',
    );
    const catalogProblem = {
      nodeId: 's',
      code: 'unknownTemplate' as const,
      message: 'Node "s" (send): Template "remind" is not in the catalog',
    };
    expect(describeProblem(catalogProblem, en)).toBe(
      'There is no message template "remind": pick one from the list',
    );
  });

  it('names the channel a send cannot use here, in the words of the marketer', () => {
    const problems = validateJourney(
      {
        schemaVersion: 1,
        nodes: [
          { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
          { id: 's', kind: 'send', config: { channels: ['email', 'webhook'], templateId: 'remind' } },
        ],
        edges: [],
      },
      { channels: ['email', 'sms', 'call'], templateChannels: { remind: ['email'] } },
    );
    const onSend = problems.filter(
      (problem) => problem.code === 'channelNotConfigured' || problem.code === 'missingTemplateVariant',
    );
    expect(onSend.map((problem) => describeProblem(problem, en))).toEqual([
      'Webhook is not set up on this server: take it off this step, or ask an administrator to set it up',
      'Template "remind" has no Webhook version: add one, or take the channel off this step',
    ]);
    expect(
      onSend.map((problem) => describeProblem(problem, (key, values) => translate('ru', key, values))),
    ).toEqual([
      'Канал «Вебхук» не настроен на этом сервере: уберите его из шага или попросите администратора настроить',
      'У шаблона «remind» нет версии для канала «Вебхук»: добавьте её или уберите канал из шага',
    ]);
  });

  it('asks to finish a half-filled goal instead of quoting the schema', () => {
    const problems = validateJourney({
      schemaVersion: 1,
      nodes: [{ id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } }],
      edges: [],
      goal: { event: { type: '', filters: [] } },
    });
    expect(problems.map((problem) => describeProblem(problem, en))).toContain(
      'Journey goal — Client action (event): fill it in',
    );
  });
});
