import {
  buildGlobalControlReport,
  countGlobalControlArms,
  countGlobalControlJourneys,
  loadGlobalControlSetting,
  saveGlobalControlShare,
  type GlobalControlSetting,
} from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import {
  GlobalControlReport,
  GlobalControlSettingAnswer,
  PutGlobalControlBody,
} from '@touchpoint/language/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const tags = ['measurement'];

const GlobalControlReportQuery = z.strictObject({
  revenueDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe('days after a client’s assignment whose purchases count as revenue (1–365, default 30)'),
});

const toAnswer = (setting: GlobalControlSetting) => ({
  share: setting.share,
  startedAt: setting.startedAt?.toISOString() ?? null,
  updatedAt: setting.updatedAt?.toISOString() ?? null,
});

/** Infinity is no JSON number: an unbounded Welch df is sent as null. */
const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * The global control group: its share (`GET` with `stats:read`, `PUT` with `admin`: it changes who every
 * promotional journey reaches) and the report of all marketing's incremental revenue against it
 * (docs/metrics.md, "Global control report"). Journeys say they are exempt in their own versioned
 * settings (`settings.purpose = 'transactional'`).
 */
export const globalControlRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/global-control',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags,
        summary: 'The global control group’s share',
        description:
          'The share of all clients kept out of every promotional journey (transactional journeys are ' +
          'exempt) and since when the group has been kept.',
        response: { 200: GlobalControlSettingAnswer },
      },
    },
    async () => toAnswer(await loadGlobalControlSetting(db)),
  );
  app.put(
    '/v1/global-control',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Set the global control group’s share',
        description:
          'Clients entering a promotional journey from now on are assigned at this share; clients already ' +
          'assigned keep their group. 0 stops assigning new clients to the group.',
        body: PutGlobalControlBody,
        response: { 200: GlobalControlSettingAnswer },
      },
    },
    async (request) => toAnswer(await saveGlobalControlShare(db, request.body.share)),
  );
  app.get(
    '/v1/global-control/report',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags,
        summary: 'All marketing’s incremental revenue against the global control group',
        description:
          'Clients reached by promotional journeys vs the clients kept out of all of them: revenue per ' +
          'client and buyers with 95 % intervals, the incremental revenue, and the journeys involved.',
        querystring: GlobalControlReportQuery,
        response: { 200: GlobalControlReport },
      },
    },
    async (request) => {
      const { revenueDays } = request.query;
      const [setting, arms, journeys] = await Promise.all([
        loadGlobalControlSetting(db),
        countGlobalControlArms(db, { revenueDays }),
        countGlobalControlJourneys(db),
      ]);
      const figures = buildGlobalControlReport(arms, setting.share);
      return {
        share: setting.share,
        startedAt: setting.startedAt?.toISOString() ?? null,
        revenueDays,
        ...figures,
        revenuePerClient: {
          ...figures.revenuePerClient,
          degreesOfFreedom: finiteOrNull(figures.revenuePerClient.degreesOfFreedom),
        },
        requiredClients: figures.requiredClients === null ? null : finiteOrNull(figures.requiredClients),
        journeys,
      };
    },
  );
};
