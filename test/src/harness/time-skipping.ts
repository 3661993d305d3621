import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingServer } from '@touchpoint/engine/simulation/time-skipping-server';

/**
 * Temporal's time-skipping test server from the project's tool cache, started as the product's own
 * simulations start it. The SDK would otherwise download it at run time, which these machines cannot do.
 */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return startTimeSkippingServer();
}
