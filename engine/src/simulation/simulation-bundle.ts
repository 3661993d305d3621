import { bundleWorkflowCode } from '@temporalio/worker';
import { prebuiltWorkflowBundle, WORKFLOWS_PATH } from '../worker/create-worker';

let bundling: Promise<{ code: string }> | null = null;

/**
 * The journey workflow code every simulated run's worker loads: the prebuilt bundle when there is one
 * (production, the test harness), else bundled once per process (seconds of webpack) and kept, so a
 * run starts its worker in milliseconds. Plain, never traced: a simulation leaves no traces.
 */
export function simulationWorkflowBundle(): Promise<{ code: string } | { codePath: string }> {
  const codePath = prebuiltWorkflowBundle(false);
  if (codePath) return Promise.resolve({ codePath });
  bundling ??= bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  }).then(({ code }) => ({ code }));
  return bundling;
}
