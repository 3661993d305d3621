import { recordTrackingHit, type TrackedMessage, type TrackingHit } from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventRouter } from '../../../router';
import { routeErrors } from '../../plugins/error-responses';
import { acceptFormBodies } from '../../plugins/form-body';
import { routeInBackground } from '../route-deps';
import {
  assertTrackingLinkLive,
  DEFAULT_TRACKING_LINK_DAYS,
  loadTrackedMessage,
  readTrackingToken,
} from './tracking-token';
import { renderUnsubscribePage } from './unsubscribe-page';

/** Dependencies of the public tracking routes. */
export interface TrackingRoutesOptions {
  db: Database;
  router: EventRouter | null;
  /** The secret tracking tokens are signed with (the send activities' `tracking.secret`). */
  trackingSecret?: string | undefined;
  /** Days an open or click link answers after its message was sent (default 365); unsubscribe never expires. */
  trackingLinkDays?: number | undefined;
  /** Clock for the recorded times (tests pin it). */
  now?: () => Date;
}

/** The smallest transparent GIF (1x1, 43 bytes). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/**
 * The token is the wildcard segment: tokens run to a few hundred characters, past the router's
 * 100-character limit on named parameters.
 */
const TokenParams = z.object({ '*': z.string().min(1).max(4096).describe('the signed tracking token') });
// Success is a GIF, a redirect or an HTML page, sent as is (fastify serializes neither buffers nor
// typed strings); errors stay the JSON error format (declared by `declareErrorResponses`).
const gif = {
  description: 'the 1×1 transparent GIF; the open is recorded',
  content: { 'image/gif': { schema: z.string().meta({ format: 'binary', description: 'a 43-byte GIF' }) } },
};
const page = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string().describe('a small HTML page') } },
});
const redirect = z.null().describe("the click is recorded; `location` is the link's target");

/**
 * Public routes behind the links in sent mail: `/t/o` (open pixel), `/t/c` (click redirect), `/t/u`
 * (unsubscribe). Tokens are HMAC-signed, so they need no API key; a bad one is a 400 naming why, an
 * open or click link past its lifetime a 410.
 */
export const trackingRoutes: FastifyPluginAsyncZod<TrackingRoutesOptions> = async (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  acceptFormBodies(app);
  const schema = { tags: ['tracking'], params: TokenParams, security: [] };

  // One read of the message, one transaction for everything the hit changes, then routing.
  const record = async (tracked: TrackedMessage, hit: TrackingHit, at: Date, log: typeof app.log) => {
    const stored = await recordTrackingHit(db, tracked, hit, at);
    if (stored.isNew) routeInBackground(options.router, [stored.eventId], log);
  };
  const hit = async (token: string, action: 'open' | 'click', log: typeof app.log) => {
    const payload = readTrackingToken(token, options.trackingSecret, action);
    const tracked = await loadTrackedMessage(db, payload);
    const at = now();
    assertTrackingLinkLive(tracked.message, options.trackingLinkDays ?? DEFAULT_TRACKING_LINK_DAYS, at);
    await record(tracked, { action, url: payload.url }, at, log);
    return payload;
  };

  app.get(
    '/t/o/*',
    {
      config: { scope: null },
      schema: {
        ...schema,
        summary: 'Open pixel',
        description: 'The tracking pixel in sent mail: records the open and answers a transparent GIF.',
        response: { 200: gif, ...routeErrors(410) },
      },
    },
    async (request, reply) => {
      await hit(request.params['*'], 'open', request.log);
      return reply
        .header('content-type', 'image/gif')
        .header('cache-control', 'no-store, max-age=0')
        .send(PIXEL);
    },
  );
  app.get(
    '/t/c/*',
    {
      config: { scope: null },
      schema: {
        ...schema,
        summary: 'Tracked link',
        description: "A link in sent mail: records the click and redirects to the link's target.",
        response: { 302: redirect, ...routeErrors(410) },
      },
    },
    async (request, reply) => {
      const payload = await hit(request.params['*'], 'click', request.log);
      return reply.header('cache-control', 'no-store').redirect(payload.url!, 302);
    },
  );
  // GET only asks: mail scanners fetch every link, and must not unsubscribe people (RFC 8058 §1).
  app.get(
    '/t/u/*',
    {
      config: { scope: null },
      schema: {
        ...schema,
        summary: 'Unsubscribe page',
        description:
          'The unsubscribe link in sent mail: a page asking to confirm. Changes nothing, since mail ' +
          'scanners fetch every link.',
        response: { 200: page('the page with the confirm button') },
      },
    },
    async (request, reply) => {
      const payload = readTrackingToken(request.params['*'], options.trackingSecret, 'unsubscribe');
      const { message } = await loadTrackedMessage(db, payload);
      return reply.type('text/html; charset=utf-8').send(renderUnsubscribePage(message.channel, 'confirm'));
    },
  );
  // The one-click POST (`List-Unsubscribe=One-Click`) and the confirm button both land here.
  app.post(
    '/t/u/*',
    {
      config: { scope: null },
      schema: {
        ...schema,
        summary: 'Unsubscribe',
        description:
          "Withdraws the client's consent on the message's channel: the confirm button and RFC 8058 " +
          'one-click unsubscribe (`List-Unsubscribe=One-Click`) both post here.',
        consumes: ['application/x-www-form-urlencoded'],
        response: { 200: page('the page saying the client is unsubscribed') },
      },
    },
    async (request, reply) => {
      const payload = readTrackingToken(request.params['*'], options.trackingSecret, 'unsubscribe');
      const tracked = await loadTrackedMessage(db, payload);
      await record(tracked, { action: 'unsubscribe' }, now(), request.log);
      return reply
        .type('text/html; charset=utf-8')
        .send(renderUnsubscribePage(tracked.message.channel, 'done'));
    },
  );
};
