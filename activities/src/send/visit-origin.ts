import type { ClientRow } from '@touchpoint/db';
import type { SendMessageInput } from './send-message-contract';

/**
 * Who a send is for and which journey visit asked for it, as every row the visit writes (its outbox
 * rows, its call task) records it; an enrollment, journey or version the input does not carry is
 * stored as null.
 */
export function visitOrigin(client: ClientRow, input: SendMessageInput) {
  return {
    clientId: client.id,
    enrollmentId: input.enrollmentId ?? null,
    journeyId: input.journeyId ?? null,
    journeyVersion: input.journeyVersion ?? null,
    nodeId: input.nodeId,
  };
}
