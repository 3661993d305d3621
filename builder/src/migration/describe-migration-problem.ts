import type { MigrationProblemCode, NodeMap } from '@touchpoint/language';
import type { MigrationProblemAnswer } from '../api/schemas';
import type { MessageKey } from '../i18n/en';
import type { Translate } from './label-step';

/** One sentence per migration problem code; a new code fails to compile until it has one. */
const PROBLEM_TEXTS: Record<MigrationProblemCode, MessageKey> = {
  versionInvalid: 'migration.problem.versionInvalid',
  sourceUnknown: 'migration.problem.sourceUnknown',
  sourceNotWaiting: 'migration.problem.sourceNotWaiting',
  targetUnknown: 'migration.problem.targetUnknown',
  targetNotWaiting: 'migration.problem.targetNotWaiting',
};

/** What a problem's sentence names: the two versions, and the steps as the marketer knows them. */
export interface MigrationProblemContext {
  fromVersion: number;
  toVersion: number;
  nodeMap: NodeMap;
  labelFrom: (planNodeId: string) => string;
  labelTo: (planNodeId: string) => string;
}

const isKnownCode = (code: string): code is MigrationProblemCode => code in PROBLEM_TEXTS;

/**
 * A problem of the dry run in the interface language, naming steps by their names. A code this
 * builder does not know yet (a newer server) falls back to the server's English sentence.
 */
export function describeMigrationProblem(
  problem: MigrationProblemAnswer,
  context: MigrationProblemContext,
  t: Translate,
): string {
  if (!isKnownCode(problem.code)) return problem.message;
  const source = problem.nodeId;
  const target = source === null ? undefined : context.nodeMap[source];
  return t(PROBLEM_TEXTS[problem.code], {
    from: context.fromVersion,
    to: context.toVersion,
    step: source === null ? '' : context.labelFrom(source),
    target: target === undefined ? '' : context.labelTo(target),
  });
}
