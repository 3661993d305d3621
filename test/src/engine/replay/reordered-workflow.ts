import { sleep } from '@temporalio/workflow';

// An incompatible change to journey workflow code, kept to prove the replay test catches one: this
// version sleeps before recording the enrollment, so old histories no longer match its commands.
export async function journeyWorkflow(): Promise<void> {
  await sleep('1 day');
}
