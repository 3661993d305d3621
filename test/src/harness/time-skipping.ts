import { TestWorkflowEnvironment } from '@temporalio/testing';
import { existsSync } from 'node:fs';
import { temporalTestServerPath } from './paths';

/**
 * Temporal's time-skipping test server from the project's tool cache. The SDK would otherwise
 * download it at run time, which these machines cannot do.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  if (!existsSync(temporalTestServerPath)) {
    throw new Error(
      `Temporal test server not found at ${temporalTestServerPath}: run \`bash scripts/install-tools.sh test-server\``,
    );
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath } },
  });
}
