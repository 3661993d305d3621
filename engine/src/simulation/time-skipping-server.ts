import { existsSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../main/paths';

/** The simulation's Temporal server is not installed here (see `scripts/install-tools.sh test-server`). */
export class SimulationUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationUnavailableError';
  }
}

/**
 * Starts Temporal's time-skipping test server from the project's tool cache (a native build that
 * starts in about 50 ms), its clock starting at the wall clock. The SDK would otherwise download it,
 * which these deployments must not do; the Docker image carries it beside the server.
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  if (!existsSync(temporalTestServerPath)) {
    throw new SimulationUnavailableError(
      `Temporal's time-skipping server is not installed at ${temporalTestServerPath} ` +
        '(`bash scripts/install-tools.sh test-server`, or TOUCHPOINT_TOOLS_DIR)',
    );
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath } },
  });
}
