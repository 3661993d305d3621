import { existsSync } from 'node:fs';
import { findFreePort, waitForPort } from './free-port';
import { temporalCliPath } from './paths';
import { spawnTethered } from './tethered-process';

/** Custom search attributes the journey workflows set; the dev server must know them up front. */
export const JOURNEY_SEARCH_ATTRIBUTES = {
  TouchpointJourneyId: 'Keyword',
  TouchpointJourneyVersion: 'Int',
  TouchpointNodeId: 'Keyword',
  TouchpointClientId: 'Keyword',
} as const;

export interface TemporalDevServer {
  address: string;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` in memory on a free loopback port, without the Web UI. */
export async function startTemporalDevServer(): Promise<TemporalDevServer> {
  if (!existsSync(temporalCliPath)) {
    throw new Error(
      `Temporal CLI not found at ${temporalCliPath}: run \`bash scripts/install-tools.sh temporal\``,
    );
  }
  const port = await findFreePort();
  const searchAttributes = Object.entries(JOURNEY_SEARCH_ATTRIBUTES).flatMap(([name, type]) => [
    '--search-attribute',
    `${name}=${type}`,
  ]);
  const server = spawnTethered(
    temporalCliPath,
    [
      ...['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)],
      ...['--log-level', 'warn', '--namespace', 'default', ...searchAttributes],
    ],
    { name: 'temporal-dev-server' },
  );
  await waitForPort(port, 30_000, 'Temporal dev server');
  return { address: `127.0.0.1:${port}`, stop: () => server.stop() };
}
