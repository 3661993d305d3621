import { upsertClients, type ClientUpsert } from '../ingest/upsert-clients';
import { type Executor } from '@touchpoint/db';
import { findClientProfile, type ClientProfile } from './find-client-profile';

/**
 * Creates the client with this CRM id or updates the fields given (the others keep their stored
 * value), and answers the profile as stored: undefined only when a delete took the client away
 * between the write and the read.
 */
export async function saveClientProfile(
  db: Executor,
  externalId: string,
  fields: Omit<ClientUpsert, 'externalId'>,
): Promise<ClientProfile | undefined> {
  await upsertClients(db, [{ ...fields, externalId }]);
  return findClientProfile(db, externalId);
}
