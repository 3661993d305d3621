import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { PREBUILT_BUNDLE_FILES, WORKFLOWS_PATH } from './create-worker';

const require = createRequire(import.meta.url);
const tracingInterceptors =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/**
 * Writes the journey workflow bundle, plain and traced, into `outDir` (the files
 * {@link prebuiltWorkflowBundle} looks for). Bundling is webpack over the workflow sources, seconds of
 * CPU: the server build does it once per image and the test harness once per run, instead of every
 * worker doing it at start.
 */
export async function bundleJourneyWorkflows(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const variants = [
    { file: PREBUILT_BUNDLE_FILES.plain, interceptors: [] },
    { file: PREBUILT_BUNDLE_FILES.traced, interceptors: [tracingInterceptors] },
  ];
  for (const { file, interceptors } of variants) {
    const { code } = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      workflowInterceptorModules: interceptors,
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
    });
    writeFileSync(path.join(outDir, file), code);
  }
}
