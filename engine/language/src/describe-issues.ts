import type { z } from 'zod';
import type { ProblemIssue } from './problems';
import type { IssueRule } from './vocabulary';

type ZodIssue = z.core.$ZodIssue;

/** A bound in the unit the marketer counts: characters, items or the number itself. */
function sizeRule(issue: ZodIssue & { origin?: string }, low: boolean, bound: number): IssueRule {
  if (issue.origin === 'string') return low ? (bound <= 1 ? 'required' : 'tooShort') : 'tooLong';
  if (issue.origin === 'array' || issue.origin === 'set') return low ? 'tooFew' : 'tooMany';
  return low ? 'tooSmall' : 'tooBig';
}

function ruleOf(issue: ZodIssue): Pick<ProblemIssue, 'rule' | 'limit' | 'exclusive' | 'options'> {
  switch (issue.code) {
    case 'too_small': {
      const limit = Number(issue.minimum);
      return {
        rule: sizeRule(issue, true, limit),
        limit,
        ...(issue.inclusive === false && { exclusive: true }),
      };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      return {
        rule: sizeRule(issue, false, limit),
        limit,
        ...(issue.inclusive === false && { exclusive: true }),
      };
    }
    case 'invalid_type':
      // zod reports an absent field as a type error "received undefined"; to a person it is empty.
      if (issue.message.endsWith('received undefined')) return { rule: 'required' };
      if (issue.expected === 'int') return { rule: 'notWhole' };
      return { rule: 'wrongType' };
    case 'invalid_value':
      return { rule: 'notAllowed', options: issue.values.map(String) };
    case 'invalid_format':
      return { rule: 'badFormat' };
    case 'not_multiple_of':
      return { rule: 'notWhole' };
    default:
      return { rule: 'other' };
  }
}

/**
 * The zod issues of one parse as {@link ProblemIssue}s. A union names its nearest branch: the one
 * whose issues are fewest, which is the branch the author was most likely writing.
 */
export function toProblemIssues(
  issues: readonly ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): ProblemIssue[] {
  return issues.flatMap((issue): ProblemIssue[] => {
    const path = [...prefix, ...issue.path].map(String);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const nearest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      if (nearest.length > 0) return toProblemIssues(nearest, [...prefix, ...issue.path]);
    }
    return [{ path, ...ruleOf(issue), message: issue.message }];
  });
}
