import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SandboxMail, type SmsSandbox, type SmtpSandbox } from '@touchpoint/channels/sandbox/types';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { SandboxSmsWithReceipts, withReceiptsFrom } from './sms-receipts';

/** The demo's loopback servers, read-only from here. */
export interface SandboxRoutesOptions {
  mailbox: Pick<SmtpSandbox, 'listMessages' | 'getMessage'>;
  /** `listReceipts` gives each listed SMS its delivery receipts. */
  smsInbox: Pick<SmsSandbox, 'listMessages' | 'getMessage' | 'listReceipts'>;
}

const ListQuery = z.object({
  to: z.string().optional().describe('only those to this recipient'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .describe('at most this many (1–500, default 100)'),
});
const IdParams = z.object({ id: z.string().min(1).describe("the sandbox's id of it") });

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
        summary: 'List sandbox mail',
        description: 'What the journeys sent to the demo SMTP server, newest first.',
        querystring: ListQuery,
        response: {
          200: z
            .object({ items: z.array(SandboxMail).describe('the mail, newest first') })
            .describe('the mail'),
        },
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
      schema: {
        tags: ['sandbox'],
        summary: 'Read a sandbox mail',
        description: 'One mail the demo SMTP server received.',
        params: IdParams,
        response: { 200: SandboxMail },
      },
    },
    async (request) => {
      const mail = options.mailbox.getMessage(request.params.id);
      if (!mail) throw new ApiError('not_found', `params.id: no sandbox mail "${request.params.id}"`);
      return mail;
    },
  );
  routes.get(
    '/v1/sandbox/sms',
    {
      config: READ,
      schema: {
        tags: ['sandbox'],
        summary: 'List sandbox SMS',
        description: 'What the journeys sent to the demo SMS provider, newest first, with delivery receipts.',
        querystring: ListQuery,
        response: {
          200: z
            .object({ items: z.array(SandboxSmsWithReceipts).describe('the SMS, newest first') })
            .describe('the SMS'),
        },
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
        summary: 'Read a sandbox SMS',
        description: 'One SMS the demo provider received, with its delivery receipts.',
        params: IdParams,
        response: { 200: SandboxSmsWithReceipts },
      },
    },
    async (request) => {
      const sms = options.smsInbox.getMessage(request.params.id);
      if (!sms) throw new ApiError('not_found', `params.id: no sandbox sms "${request.params.id}"`);
      return withReceiptsFrom(options.smsInbox.listReceipts())(sms);
    },
  );
};
