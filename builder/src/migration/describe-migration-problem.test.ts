import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { describeMigrationProblem } from './describe-migration-problem';

const context = {
  fromVersion: 1,
  toVersion: 2,
  nodeMap: { hold: 'send-1' },
  labelFrom: () => 'Cooling off',
  labelTo: () => 'Reminder',
};

describe('describeMigrationProblem', () => {
  it('names the steps by their names in the marketer’s language', () => {
    const problem = { nodeId: 'hold', code: 'targetNotWaiting', message: '"send-1" is a node of kind send' };
    expect(describeMigrationProblem(problem, context, (key, values) => translate('en', key, values))).toBe(
      '“Reminder” is not a wait: moved clients must arrive on a wait of version 2.',
    );
    expect(describeMigrationProblem(problem, context, (key, values) => translate('ru', key, values))).toBe(
      '«Reminder» — не ожидание: перенесённые клиенты должны попасть на ожидание версии 2.',
    );
  });

  it('falls back to the server’s sentence for a code it does not know', () => {
    const problem = { nodeId: null, code: 'somethingNew', message: 'Something new' };
    expect(describeMigrationProblem(problem, context, (key) => key)).toBe('Something new');
  });
});
