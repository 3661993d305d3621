import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
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

/**
 * Send, wait `waitDays`, send again: the shape of a reminder chain. Used to show that an
 * unsubscribe recorded during the wait stops the second send.
 */
export async function sendWaitSendWorkflow(input: SendOnceInput & { waitDays: number }): Promise<string[]> {
  const { sendMessage } = proxyActivities<SendActivities>({
    taskQueue: input.activityTaskQueue,
    startToCloseTimeout: '10s',
  });
  const base = {
    clientId: input.clientId,
    channels: ['email' as const],
    templateId: input.templateId,
    quietHours: 'skip' as const,
  };
  const first = await sendMessage({
    ...base,
    idempotencyKey: `${workflowInfo().workflowId}:1:remind`,
    nodeId: 'remind',
  });
  await sleep(`${input.waitDays} days`);
  const second = await sendMessage({
    ...base,
    idempotencyKey: `${workflowInfo().workflowId}:2:stimulate`,
    nodeId: 'stimulate',
  });
  return [first.status, second.status];
}
