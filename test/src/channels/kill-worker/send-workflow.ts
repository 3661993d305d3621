import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SendActivities } from '@touchpoint/activities/send/index';

/** Input of the test workflow: one client, one send. */
export interface SendOnceInput {
  clientId: string;
  templateId: string;
  activityTaskQueue: string;
}

/**
 * The smallest journey with a send node: one `sendMessage` keyed the way the engine keys it
 * (`<workflowId>:<visit seq>:<nodeId>`). Short timeouts so a killed worker's activities are
 * retried within seconds.
 */
export async function sendOnceWorkflow(input: SendOnceInput): Promise<string> {
  const { sendMessage } = proxyActivities<SendActivities>({
    taskQueue: input.activityTaskQueue,
    startToCloseTimeout: '5s',
    retry: { initialInterval: '200ms', maximumInterval: '1s', backoffCoefficient: 2 },
  });
  const result = await sendMessage({
    idempotencyKey: `${workflowInfo().workflowId}:1:send-1`,
    nodeId: 'send-1',
    clientId: input.clientId,
    channels: ['email'],
    templateId: input.templateId,
    offer: { discount: 10 },
    quietHours: 'skip',
  });
  return result.status;
}
