import { addOperator, listOperators } from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Operator = z
  .object({
    id: z.string().describe('the user id claims and outcomes name (`operatorId`)'),
    name: z.string().describe("the operator's name"),
    email: z.string().describe("the operator's email"),
  })
  .describe('a person who works call tasks');

/** `GET /v1/operators` (who may claim calls) and `POST /v1/operators` (add one, admin keys). */
export const operatorRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/operators',
    {
      config: { scope: 'calls:work' },
      schema: {
        tags: ['call-tasks'],
        summary: 'List operators',
        description: 'Every user with the operator role, by name: who can claim and complete call tasks.',
        response: {
          200: z.object({ items: z.array(Operator).describe('the operators') }).describe('the operators'),
        },
      },
    },
    async () => ({ items: await listOperators(db) }),
  );
  app.post(
    '/v1/operators',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['call-tasks'],
        summary: 'Add an operator',
        description: 'Registers a call-center operator; an email already registered answers that user.',
        body: z.strictObject({
          name: z.string().trim().min(1).max(200).describe("the operator's name"),
          email: z.email().max(320).describe("the operator's email (their identity)"),
        }),
        response: { 200: Operator },
      },
    },
    async (request) => addOperator(db, request.body),
  );
};
