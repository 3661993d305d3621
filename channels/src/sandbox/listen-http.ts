import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A sandbox's HTTP server once it listens: where to reach it, and how to shut it. */
export interface ListeningHttp {
  baseUrl: string;
  /** Closes the server, cutting kept-alive connections too, so a test's teardown never waits on one. */
  stop(): Promise<void>;
}

/** Starts `server` listening on `host` and `port` (0: any free port) and resolves once it does. */
export async function listenHttp(server: http.Server, port: number, host: string): Promise<ListeningHttp> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://${address.address}:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
