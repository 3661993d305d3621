import {
  loadSegmentationSettings,
  readLifecycleGrid,
  readRfmDistribution,
  readSegmentTransitions,
  TRANSITION_FAMILIES,
} from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import { LifecycleGridFigures, RfmDistribution, TransitionMatrix } from '@touchpoint/language/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidFieldError } from '../../api-error';
import { Instant } from '../../input-bounds';

const tags = ['segments'];
const DAY_MS = 86_400_000;

const LifecycleQuery = z.object({
  asOf: Instant.optional().describe('count the days since the last purchase to this moment (default now)'),
});

const TransitionsQuery = z.object({
  family: z.enum(TRANSITION_FAMILIES).describe('rfm: moves between RFM cells; lifecycle: between stages'),
  from: Instant.optional().describe('the period’s start, inclusive (default 30 days before to)'),
  to: Instant.optional().describe('the period’s end, exclusive (default now)'),
});

/**
 * The segmentation pictures: the RFM heatmap's 27 cells, the lifecycle grid, and the from → to matrix
 * of moves in a period. Aggregates only (no client is named), so they take `stats:read` like reports;
 * docs/metrics.md ("Segmentation") defines every figure.
 */
export const segmentationFigureRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/segmentation/rfm',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags,
        summary: 'The RFM heatmap: clients, revenue and shares in each of the 27 cells',
        description:
          'Counts the clients the last classification put in each cell (client facts’ rfmCell) and their ' +
          'lifetime purchase value; every cell is present, empty ones with zeros.',
        response: { 200: RfmDistribution },
      },
    },
    async () => {
      const cells = await readRfmDistribution(db);
      return {
        cells,
        clients: cells.reduce((sum, cell) => sum + cell.clients, 0),
        revenue: cells.reduce((sum, cell) => sum + cell.revenue, 0),
      };
    },
  );
  app.get(
    '/v1/segmentation/lifecycle',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags,
        summary: 'The lifecycle grid: clients and revenue per purchase count × days since the last purchase',
        description:
          'Places every client with a purchase in the saved grid (rows 1…n or more, the day columns) as of ' +
          'asOf, with the stage each cell belongs to and the stages’ segments.',
        querystring: LifecycleQuery,
        response: { 200: LifecycleGridFigures },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ? new Date(request.query.asOf) : new Date();
      const { settings } = await loadSegmentationSettings(db);
      const grid = settings.lifecycle;
      const figures = await readLifecycleGrid(db, grid, asOf);
      return {
        asOf: asOf.toISOString(),
        dayColumns: grid.dayColumns,
        purchaseRows: grid.purchaseRows,
        ...figures,
      };
    },
  );
  app.get(
    '/v1/segmentation/transitions',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags,
        summary: 'Moves between RFM cells or lifecycle stages in a period, from → to',
        description:
          'Counts the stored segment.entered events of the family in [from, to) by where the client came ' +
          'from (null: a first cell), and segment.left events with no destination. 400: from is not before to.',
        querystring: TransitionsQuery,
        response: { 200: TransitionMatrix },
      },
    },
    async (request) => {
      const to = request.query.to ? new Date(request.query.to) : new Date();
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * DAY_MS);
      if (from.getTime() >= to.getTime()) throw invalidFieldError('querystring.from', 'must be before to');
      const moves = await readSegmentTransitions(db, request.query.family, { from, to });
      return { family: request.query.family, from: from.toISOString(), to: to.toISOString(), moves };
    },
  );
};
