import { fileURLToPath } from 'node:url';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '@touchpoint/engine/worker/create-worker';
import { describe, expect, it } from 'vitest';
import { readHistoryFiles } from './history-files';

// Histories recorded by `record-histories.ts` from earlier workflow code. Every change to workflow
// code must still replay them: clients asleep in production are mid-way through such histories.
async function replayAll(workflowsPath: string) {
  const histories = await readHistoryFiles();
  const results = [];
  for await (const result of Worker.runReplayHistories({ workflowsPath }, histories)) results.push(result);
  return results;
}

describe('committed journey histories', () => {
  it('replay without nondeterminism on the current workflow code', { timeout: 120_000 }, async () => {
    const results = await replayAll(WORKFLOWS_PATH);
    expect(results.length).toBeGreaterThanOrEqual(37);
    expect(results.map(({ workflowId }) => workflowId)).toEqual(
      expect.arrayContaining([
        '01-regular-bookkeeping/continue-as-new-then-goal.2',
        '02-local-bookkeeping/migrated-to-version-2.2',
        '03-failed-enrollment/send-failed-template-missing.1',
        '04-batched-bookkeeping/migrated-to-version-2.2',
        '04-batched-bookkeeping/send-failed-template-missing.1',
      ]),
    );
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
  });

  it('fail to replay on workflow code that changed its commands', { timeout: 120_000 }, async () => {
    const changed = fileURLToPath(new URL('./replay/reordered-workflow.ts', import.meta.url));
    const results = await replayAll(changed);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.error).toBeInstanceOf(DeterminismViolationError);
  });
});
