import { ApiError } from '../api/client';

/** The server's 400 issues by path (`body.rule.rules.1.value` → message); empty for any other error. */
export function issuesOf(error: unknown): Map<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return new Map();
  const body = error.body as { issues?: { path?: unknown; message?: unknown }[] } | null;
  const issues = new Map<string, string>();
  for (const issue of body?.issues ?? []) {
    if (typeof issue.path === 'string' && !issues.has(issue.path))
      issues.set(issue.path, String(issue.message));
  }
  return issues;
}
