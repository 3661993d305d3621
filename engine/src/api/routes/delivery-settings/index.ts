import { loadDeliverySettings, saveDeliverySettings, type StoredDeliverySettings } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import { DeliveryPolicy } from '@touchpoint/language';
import { DeliverySettingsVersion } from '@touchpoint/language/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';

export const PutDeliverySettingsBody = z.strictObject({
  policy: DeliveryPolicy.describe('the new settings, whole: what is left out takes its empty default'),
  baseVersion: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('the version this edit started from; when another save came first the answer is 409'),
});

export interface DeliverySettingsRoutesOptions {
  db: Database;
  /** What answers as version 1 before anything is saved: the policy the workers start with. */
  builtIn: DeliveryPolicy;
}

const toResponse = (stored: StoredDeliverySettings): DeliverySettingsVersion => ({
  version: stored.version,
  policy: stored.policy,
  savedAt: stored.savedAt?.toISOString() ?? null,
  savedBy: stored.savedBy,
});

/**
 * Delivery settings as configuration: `GET` the current version (any `journeys:read` key), `PUT` a
 * new one (`admin`). Workers read the current version before each send decision, so a save applies
 * to the next send without a restart; each save is a new version row and an audit entry.
 */
export const deliverySettingsRoutes: FastifyPluginAsyncZod<DeliverySettingsRoutesOptions> = async (
  app,
  { db, builtIn },
) => {
  app.get(
    '/v1/delivery-settings',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['settings'],
        summary: 'The current delivery settings',
        description:
          'Frequency caps per channel and over all channels (counted across journeys), quiet hours per ' +
          'channel and the default time zone, as every send obeys them now.',
        response: { 200: DeliverySettingsVersion },
      },
    },
    async () => toResponse(await loadDeliverySettings(db, builtIn)),
  );
  app.put(
    '/v1/delivery-settings',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['settings'],
        summary: 'Save new delivery settings',
        description:
          'Stores the settings as the next numbered version and records the change on the audit trail, ' +
          'in one transaction. Sends decided from then on obey them, with no restart. With `baseVersion`, ' +
          'a save over a version saved meanwhile is refused (409).',
        body: PutDeliverySettingsBody,
        response: { 200: DeliverySettingsVersion, ...routeErrors(409) },
      },
    },
    async (request) => {
      const result = await saveDeliverySettings(db, {
        policy: request.body.policy,
        actor: request.apiActor ?? 'unknown',
        builtIn,
        ...(request.body.baseVersion === undefined ? {} : { baseVersion: request.body.baseVersion }),
      });
      if (result.status === 'stale') {
        throw new ApiError(
          'conflict',
          `body.baseVersion: version ${result.current.version} was saved since version ${request.body.baseVersion}`,
        );
      }
      return toResponse(result.settings);
    },
  );
};
