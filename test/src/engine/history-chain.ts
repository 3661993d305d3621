import type { Client } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';

/** Every run of a workflow id's continue-as-new chain, oldest first, starting at `firstRunId`. */
export async function fetchRunHistories(
  client: Client,
  workflowId: string,
  firstRunId: string,
): Promise<History[]> {
  const histories: History[] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    histories.push(history);
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return histories;
}
