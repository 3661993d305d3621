import { readClientContext, updateClientAttributes } from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import { activityFailure, parseActivityInput } from '../activity-failures';
import { LoadClientContextInput, UpdateClientInput } from './journey-activity-contract';
import type { ClientContextResult } from './journey-activity-contract';

/** Loads what a condition or a checkpoint wait needs about a client; fails permanently for an unknown client. */
export async function loadClientContext(
  db: Database,
  rawInput: LoadClientContextInput,
): Promise<ClientContextResult> {
  const input = parseActivityInput(LoadClientContextInput, rawInput, 'loadClientContext');
  const context = await readClientContext(db, { ...input, at: new Date(input.at) });
  if (!context) throw activityFailure('ClientNotFound', `Client ${input.clientId} does not exist`);
  return context;
}

/** Sets attributes and adds / removes tags; fails permanently for an unknown client. */
export async function updateClient(db: Database, rawInput: UpdateClientInput): Promise<void> {
  const input = parseActivityInput(UpdateClientInput, rawInput, 'updateClient');
  if (!(await updateClientAttributes(db, input))) {
    throw activityFailure('ClientNotFound', `Client ${input.clientId} does not exist`);
  }
}
