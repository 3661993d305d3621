import { z } from 'zod';
import { DeliveryPolicy } from '../delivery-policy';

/** One version of the delivery settings (`GET`/`PUT /v1/delivery-settings`). */
export const DeliverySettingsVersion = z
  .object({
    version: z.number().int().describe('the settings’ number: 1 is the built-in policy, each save adds one'),
    policy: DeliveryPolicy,
    savedAt: z.string().nullable().describe('when this version was saved (null: the built-in policy)'),
    savedBy: z.string().nullable().describe('the API key that saved it (null: the built-in policy)'),
  })
  .describe('one version of the delivery settings');
export type DeliverySettingsVersion = z.infer<typeof DeliverySettingsVersion>;

/** One change on the audit trail (`GET /v1/audit-entries`). */
export const AuditEntry = z
  .object({
    id: z.string().describe('the entry’s id'),
    action: z.string().describe('what changed, as `<subject>.<verb>` (`delivery-settings.saved`)'),
    actor: z.string().describe('the API key that made the change: `admin` or the key’s name'),
    subject: z.string().describe('what the change is about (`delivery settings version 3`)'),
    before: z.unknown().describe('the value before the change'),
    after: z.unknown().describe('the value after it'),
    at: z.string().describe('when the change was made (ISO 8601)'),
  })
  .describe('one change on the audit trail');
export type AuditEntry = z.infer<typeof AuditEntry>;
