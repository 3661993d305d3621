import { z } from 'zod';
import { MIGRATION_PROBLEM_CODES } from '../plan-migration';

/**
 * `POST /v1/journeys/:id/migrate`: the plan of moving waiting clients between two published versions
 * (who moves where, who stays), what blocks it, and how many runs were told to move. The server
 * declares its answer with this schema and the builder's migration screen parses with it.
 */

const problemCodes = Object.values(MIGRATION_PROBLEM_CODES) as [string, ...string[]];

export const MigrationNodePlanAnswer = z
  .object({
    fromNodeId: z.string().describe('a node of fromVersion with clients waiting'),
    toNodeId: z.string().nullable().describe('where they move; null: they stay'),
    waiting: z.number().int().describe('clients waiting there'),
  })
  .describe('the plan for one node');
export type MigrationNodePlanAnswer = z.infer<typeof MigrationNodePlanAnswer>;

export const MigrationProblemAnswer = z
  .object({
    nodeId: z.string().nullable().describe('the node it is on; null for the whole migration'),
    code: z.enum(problemCodes).describe('the migration problem code'),
    message: z.string().describe('what is wrong, in English'),
  })
  .describe('one reason the migration cannot run');
export type MigrationProblemAnswer = z.infer<typeof MigrationProblemAnswer>;

/** The plan per node, its problems, and how many runs were signalled. */
export const MigrationReportAnswer = z
  .object({
    dryRun: z.boolean().describe('true when nobody was moved'),
    nodes: z.array(MigrationNodePlanAnswer).describe('the plan per node'),
    problems: z.array(MigrationProblemAnswer).describe('what refuses a real run; empty when it may run'),
    moving: z.number().int().describe('clients who move (or would)'),
    staying: z.number().int().describe('clients who stay on fromVersion'),
    signalled: z.number().int().describe('runs told to move; 0 on a dry run'),
  })
  .describe('the migration plan, its problems, and how many runs were told to move');
export type MigrationReportAnswer = z.infer<typeof MigrationReportAnswer>;
