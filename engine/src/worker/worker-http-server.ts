import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** One readiness check's answer. */
export interface WorkerCheck {
  ok: boolean;
  detail?: string;
}

/** What the worker's operator port serves. */
export interface WorkerHttpOptions {
  host: string;
  port: number;
  registry: Registry;
  /** The SDK runtime's Prometheus endpoint, appended to `/metrics` so one scrape has both. */
  sdkMetricsUrl?: string;
  ready: () => Promise<Record<string, WorkerCheck>>;
}

/**
 * The worker's operator port (loopback by default; it has no key): `/metrics` (Touchpoint's metrics
 * plus the SDK's), `/health/live`, `/health/ready` (database, Temporal, workers running, each channel).
 */
export async function startWorkerHttpServer(
  options: WorkerHttpOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const answer = async () => {
      switch (request.url) {
        case '/metrics': {
          const own = await options.registry.metrics();
          const sdk = options.sdkMetricsUrl ? await fetchText(options.sdkMetricsUrl) : '';
          return send(200, options.registry.contentType, `${own}\n${sdk}`);
        }
        case '/health/live':
          return send(200, 'application/json', JSON.stringify({ live: true }));
        case '/health/ready': {
          const checks = await options.ready();
          const ready = Object.values(checks).every((check) => check.ok);
          return send(ready ? 200 : 503, 'application/json', JSON.stringify({ ready, checks }));
        }
        default:
          return send(404, 'application/json', JSON.stringify({ error: 'not_found' }));
      }
    };
    answer().catch((error: unknown) => send(500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The SDK's exporter answering late or not at all must not lose Touchpoint's own metrics. */
async function fetchText(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? await response.text() : `# SDK metrics answered ${response.status}\n`;
  } catch (error) {
    return `# SDK metrics unavailable: ${String(error)}\n`;
  }
}
