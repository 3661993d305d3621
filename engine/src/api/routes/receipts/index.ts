import { createHash, timingSafeEqual } from 'node:crypto';
import { recordDeliveryReceipt } from '@touchpoint/domain';
import { isValidTwilioSignature, parseSmsRuCallback, parseTwilioStatusCallback } from '@touchpoint/channels';
import type { Database } from '@touchpoint/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, invalidFieldError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { acceptFormBodies } from '../../plugins/form-body';

/** Dependencies of the provider receipt webhooks. */
export interface ReceiptRoutesOptions {
  db: Database;
  /** Twilio callbacks must carry an `X-Twilio-Signature` made with it; without it none is accepted. */
  twilioAuthToken?: string | undefined;
  /**
   * The public base URL Twilio calls: the signature covers the full URL as Twilio saw it, which behind
   * a proxy differs from the Host header this server sees, so the Host header is never used.
   */
  publicUrl?: string | undefined;
  /** The secret path segment of SMS.ru's callback URL (SMS.ru signs nothing); without it none is accepted. */
  smsRuReceiptSecret?: string | undefined;
}

/** Provider form posts: flat string fields. */
const FormBody = z.record(z.string(), z.string()).describe("the provider's form fields, as it posts them");
// 403: a missing or wrong signature or secret.
const errors = routeErrors(403);

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Refuses a Twilio callback unless it is signed with the auth token over the public URL it was posted to. */
function assertSignedByTwilio(
  options: ReceiptRoutesOptions,
  request: FastifyRequest,
  form: Record<string, string>,
) {
  const { twilioAuthToken, publicUrl } = options;
  if (twilioAuthToken === undefined || publicUrl === undefined) {
    throw new ApiError(
      'forbidden',
      'twilio receipts are not accepted: TWILIO_AUTH_TOKEN and PUBLIC_URL must be set',
    );
  }
  const signature = request.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || signature === '') {
    throw new ApiError('forbidden', 'headers.x-twilio-signature: missing');
  }
  const url = `${publicUrl.replace(/\/+$/, '')}${request.url}`;
  if (!isValidTwilioSignature(twilioAuthToken, url, form, signature)) {
    throw new ApiError('forbidden', 'headers.x-twilio-signature: does not match the request');
  }
}

/** Refuses an SMS.ru callback whose URL lacks the configured secret (compared in constant time). */
function assertSmsRuSecret(options: ReceiptRoutesOptions, given: string) {
  const expected = options.smsRuReceiptSecret;
  if (expected === undefined) {
    throw new ApiError('forbidden', 'sms.ru receipts are not accepted: SMSRU_RECEIPT_SECRET must be set');
  }
  if (!timingSafeEqual(digest(given), digest(expected))) {
    throw new ApiError('forbidden', "params.secret: not this server's SMS.ru callback URL");
  }
}

/**
 * Delivery receipts from the SMS providers, applied to the outbox row with that provider id. No API
 * key (providers hold none), but never unauthenticated: Twilio's by signature, SMS.ru's (which signs
 * nothing) by a secret in the callback URL; anything else is a 403 and changes nothing. An unknown
 * message id is acknowledged anyway, since a provider retries any non-2xx answer forever.
 */
export const receiptRoutes: FastifyPluginAsyncZod<ReceiptRoutesOptions> = async (app, options) => {
  acceptFormBodies(app);
  app.post(
    '/v1/receipts/twilio',
    {
      config: { scope: null },
      schema: {
        tags: ['receipts'],
        summary: 'Twilio delivery receipt',
        description:
          "Twilio's status callback, accepted only with a valid `X-Twilio-Signature` over `PUBLIC_URL` " +
          '(403 otherwise); applies the status to the SMS with that `MessageSid`.',
        security: [],
        consumes: ['application/x-www-form-urlencoded'],
        body: FormBody,
        response: {
          200: z
            .object({ matched: z.boolean().describe('whether a message with that sid was found') })
            .describe('acknowledged (also for an unknown sid, so Twilio stops retrying)'),
          ...errors,
        },
      },
    },
    async (request) => {
      assertSignedByTwilio(options, request, request.body);
      if (!request.body['MessageSid'] && !request.body['SmsSid']) {
        throw invalidFieldError('body.MessageSid', 'required', 'invalid_type');
      }
      return { matched: await recordDeliveryReceipt(options.db, parseTwilioStatusCallback(request.body)) };
    },
  );
  app.post(
    '/v1/receipts/smsru/:secret',
    {
      config: { scope: null },
      schema: {
        tags: ['receipts'],
        summary: 'SMS.ru delivery receipts',
        description:
          "SMS.ru's callback (it signs nothing, so its URL carries the secret; 403 otherwise): applies each " +
          'status in the post to the SMS with that id.',
        security: [],
        consumes: ['application/x-www-form-urlencoded'],
        params: z.object({
          secret: z.string().min(1).max(200).describe('the secret path segment, SMSRU_RECEIPT_SECRET'),
        }),
        body: FormBody,
        response: {
          200: {
            description: 'acknowledged: SMS.ru repeats a callback until the answer is exactly `100`',
            content: { 'text/plain': { schema: z.literal('100').describe('always `100`') } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      assertSmsRuSecret(options, request.params.secret);
      for (const receipt of parseSmsRuCallback(request.body))
        await recordDeliveryReceipt(options.db, receipt);
      // SMS.ru repeats a callback until the answer is exactly "100".
      return reply.type('text/plain').send('100' as const);
    },
  );
};
