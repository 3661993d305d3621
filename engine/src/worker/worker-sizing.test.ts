import { describe, expect, it } from 'vitest';
import { CACHED_WORKFLOW_MB, cachedWorkflowsForBudget, WORKER_BASE_MB } from './worker-sizing';

describe('cachedWorkflowsForBudget', () => {
  it('fills the budget above the base with cached journeys at their measured cost', () => {
    const cached = cachedWorkflowsForBudget(2_048);
    expect(cached).toBe(Math.floor((2_048 - WORKER_BASE_MB) / CACHED_WORKFLOW_MB));
    expect(WORKER_BASE_MB + cached * CACHED_WORKFLOW_MB).toBeLessThanOrEqual(2_048);
    expect(WORKER_BASE_MB + (cached + 1) * CACHED_WORKFLOW_MB).toBeGreaterThan(2_048);
  });

  it('grows with the budget', () => {
    expect(cachedWorkflowsForBudget(4_096)).toBeGreaterThan(cachedWorkflowsForBudget(1_024));
  });

  it('keeps at least the workflow task slots when the budget is below the base', () => {
    expect(cachedWorkflowsForBudget(256)).toBe(8);
  });
});
