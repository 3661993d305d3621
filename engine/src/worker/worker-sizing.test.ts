import { describe, expect, it } from 'vitest';
import { CACHED_WORKFLOW_MB, sizeWorkerForBudget, WORKER_BASE_MB } from './worker-sizing';

describe('sizeWorkerForBudget', () => {
  it('fills the budget above the base with cached journeys at twice their measured cost', () => {
    const { maxCachedWorkflows: cached } = sizeWorkerForBudget(2_048);
    expect(WORKER_BASE_MB + cached * 2 * CACHED_WORKFLOW_MB).toBeLessThanOrEqual(2_048);
    expect(WORKER_BASE_MB + (cached + 1) * 2 * CACHED_WORKFLOW_MB).toBeGreaterThan(2_048);
  });

  it('grows the cache and the workflow heap with the budget', () => {
    const small = sizeWorkerForBudget(1_024);
    const large = sizeWorkerForBudget(4_096);
    expect(large.maxCachedWorkflows).toBeGreaterThan(small.maxCachedWorkflows);
    expect(large.workflowHeapMb).toBeGreaterThan(small.workflowHeapMb);
  });

  it('gives the workflow thread room for twice what its cache holds, within the budget', () => {
    for (const budget of [1_024, 2_048, 8_192, 65_536]) {
      const { maxCachedWorkflows, workflowHeapMb } = sizeWorkerForBudget(budget);
      expect(workflowHeapMb).toBeGreaterThanOrEqual(2 * maxCachedWorkflows * CACHED_WORKFLOW_MB);
      expect(workflowHeapMb).toBeLessThan(budget);
    }
  });

  it('keeps at least the workflow task slots when the budget is below the base', () => {
    expect(sizeWorkerForBudget(256).maxCachedWorkflows).toBe(8);
  });
});
