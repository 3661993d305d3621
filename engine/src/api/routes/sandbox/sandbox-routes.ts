import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SandboxMail, type SmsSandbox, type SmtpSandbox } from '@touchpoint/channels/sandbox/types';
import { z } from 'zod';
import { SandboxSmsWithReceipts, withReceiptsFrom } from './sms-receipts';

/** The demo's loopback servers, read-only from here. */
export interface SandboxRoutesOptions {
  mailbox: Pick<SmtpSandbox, 'listMessages' | 'getMessage'>;
  /** `listReceipts` gives each listed SMS its delivery receipts. */
  smsInbox: Pick<SmsSandbox, 'listMessages' | 'getMessage' | 'listReceipts'>;
}

const ListQuery = z.object({
  to: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const IdParams = z.object({ id: z.string().min(1) });
const NotFound = z.object({ code: z.literal('not_found'), message: z.string() });

// Newest first, optionally for one recipient: what a newcomer wants to see after a journey ran.
function pick<T extends { receivedAt: string }>(
  items: T[],
  matches: (item: T) => boolean,
  limit: number,
): T[] {
  return items.filter(matches).reverse().slice(0, limit);
}

/** Sandboxed mail holds tracking and unsubscribe links: reading it takes a key, like any client data. */
const READ = { scope: 'clients:read' as const };

/**
 * `GET /v1/sandbox/mail[/:id]` and `GET /v1/sandbox/sms[/:id]`: what the journeys sent to the
 * loopback SMTP server and SMS provider (each SMS with its delivery receipts), so the product UI can
 * show it in the demo.
 */
export const sandboxRoutes: FastifyPluginAsync<SandboxRoutesOptions> = async (app, options) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/v1/sandbox/mail',
    {
      config: READ,
      schema: {
        tags: ['sandbox'],
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(SandboxMail) }) },
      },
    },
    async (request) => ({
      items: pick(
        options.mailbox.listMessages(),
        (mail) => !request.query.to || mail.to.includes(request.query.to),
        request.query.limit,
      ),
    }),
  );
  routes.get(
    '/v1/sandbox/mail/:id',
    {
      config: READ,
      schema: { tags: ['sandbox'], params: IdParams, response: { 200: SandboxMail, 404: NotFound } },
    },
    async (request, reply) => {
      const mail = options.mailbox.getMessage(request.params.id);
      return (
        mail ?? reply.code(404).send({ code: 'not_found', message: `no sandbox mail ${request.params.id}` })
      );
    },
  );
  routes.get(
    '/v1/sandbox/sms',
    {
      config: READ,
      schema: {
        tags: ['sandbox'],
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(SandboxSmsWithReceipts) }) },
      },
    },
    async (request) => ({
      items: pick(
        options.smsInbox.listMessages(),
        (sms) => !request.query.to || sms.to === request.query.to,
        request.query.limit,
      ).map(withReceiptsFrom(options.smsInbox.listReceipts())),
    }),
  );
  routes.get(
    '/v1/sandbox/sms/:id',
    {
      config: READ,
      schema: {
        tags: ['sandbox'],
        params: IdParams,
        response: { 200: SandboxSmsWithReceipts, 404: NotFound },
      },
    },
    async (request, reply) => {
      const sms = options.smsInbox.getMessage(request.params.id);
      if (!sms) {
        return reply.code(404).send({ code: 'not_found', message: `no sandbox sms ${request.params.id}` });
      }
      return withReceiptsFrom(options.smsInbox.listReceipts())(sms);
    },
  );
};
