import { recordDeliveryReceipt } from '@touchpoint/activities/send/index';
import { isValidTwilioSignature, parseSmsRuCallback, parseTwilioStatusCallback } from '@touchpoint/channels';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ApiErrorBody } from '../../api-error';
import { acceptFormBodies } from '../../plugins/form-body';

/** Dependencies of the provider receipt webhooks. */
export interface ReceiptRoutesOptions {
  db: Database;
  /** When set, Twilio callbacks must carry a valid `X-Twilio-Signature`. */
  twilioAuthToken?: string | undefined;
  /**
   * The public base URL Twilio calls (the signature covers the full URL as Twilio saw it, which behind
   * a proxy differs from the Host header this server sees).
   */
  publicUrl?: string | undefined;
}

/** Provider form posts: flat string fields. */
const FormBody = z.record(z.string(), z.string());
const errors = { '4xx': ApiErrorBody, '5xx': ApiErrorBody };

function callbackUrl(options: ReceiptRoutesOptions, path: string, host: string | undefined): string {
  const base = options.publicUrl ?? `http://${host ?? 'localhost'}`;
  return `${base.replace(/\/+$/, '')}${path}`;
}

/**
 * Delivery receipts from the SMS providers, applied to the outbox row with that provider id. Public
 * (providers hold no API key): Twilio's are authenticated by signature; an unknown message id is
 * acknowledged anyway, since a provider retries any non-2xx answer forever.
 */
export const receiptRoutes: FastifyPluginAsyncZod<ReceiptRoutesOptions> = async (app, options) => {
  acceptFormBodies(app);
  app.post(
    '/v1/receipts/twilio',
    {
      config: { scope: null },
      schema: {
        tags: ['receipts'],
        security: [],
        consumes: ['application/x-www-form-urlencoded'],
        body: FormBody,
        response: { 200: z.object({ matched: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      if (options.twilioAuthToken !== undefined) {
        const signature = request.headers['x-twilio-signature'];
        if (typeof signature !== 'string' || signature === '') {
          throw new ApiError('unauthorized', 'headers.x-twilio-signature: missing');
        }
        const url = callbackUrl(options, request.url, request.headers.host);
        if (!isValidTwilioSignature(options.twilioAuthToken, url, request.body, signature)) {
          throw new ApiError('forbidden', 'headers.x-twilio-signature: does not match the request');
        }
      }
      if (!request.body['MessageSid'] && !request.body['SmsSid']) {
        throw new ApiError('validation_failed', 'body.MessageSid: required', {
          issues: [{ path: 'body.MessageSid', message: 'required', code: 'invalid_type' }],
        });
      }
      return { matched: await recordDeliveryReceipt(options.db, parseTwilioStatusCallback(request.body)) };
    },
  );
  app.post(
    '/v1/receipts/smsru',
    {
      config: { scope: null },
      schema: {
        tags: ['receipts'],
        security: [],
        consumes: ['application/x-www-form-urlencoded'],
        body: FormBody,
        produces: ['text/plain'],
        response: { 200: z.literal('100'), ...errors },
      },
    },
    async (request, reply) => {
      for (const receipt of parseSmsRuCallback(request.body))
        await recordDeliveryReceipt(options.db, receipt);
      // SMS.ru repeats a callback until the answer is exactly "100".
      return reply.type('text/plain').send('100' as const);
    },
  );
};
