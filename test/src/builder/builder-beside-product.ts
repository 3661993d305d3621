import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { builtBuilder } from './built-builder';

/** The built builder on a port of its own, passing `/v1` on to a running product's API. */
export interface BuilderBesideProduct {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves the built builder ({@link builtBuilder}) on loopback, forwarding every
 * `/v1` request to `apiUrl` as it came: the page talks to the real product as if it served the app.
 */
export async function serveBuilderBeside(apiUrl: string): Promise<BuilderBesideProduct> {
  const builder = await builtBuilder();
  const app = Fastify();
  // Bodies pass through untouched: the API, not this forwarder, judges them.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.register(fastifyStatic, { root: builder.dir });
  app.all('/v1/*', async (request, reply) => {
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && Buffer.isBuffer(request.body);
    const answer = await fetch(`${apiUrl}${request.url}`, {
      method: request.method,
      headers,
      ...(hasBody ? { body: new Uint8Array(request.body as Buffer) } : {}),
    });
    const type = answer.headers.get('content-type');
    if (type) void reply.header('content-type', type);
    return reply.code(answer.status).send(Buffer.from(await answer.arrayBuffer()));
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    close: async () => {
      await app.close();
      builder.release();
    },
  };
}
