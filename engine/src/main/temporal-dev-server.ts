import { existsSync } from 'node:fs';
import { findFreePort, waitForPort } from './ports';
import { temporalCliPath } from './paths';
import { spawnTethered } from './tethered-process';

/** Custom search attributes the journey workflows set; a server must know them before they are used. */
export const JOURNEY_SEARCH_ATTRIBUTES = {
  TouchpointJourneyId: 'Keyword',
  TouchpointJourneyVersion: 'Int',
  TouchpointNodeId: 'Keyword',
  TouchpointClientId: 'Keyword',
} as const;

export interface TemporalDevServerOptions {
  /** gRPC port; a free one when omitted. */
  port?: number;
  /** Web UI port; the UI is off when omitted. */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; in memory when omitted. */
  dbFile?: string;
}

export interface TemporalDevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` on loopback, tethered to this process. */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions = {},
): Promise<TemporalDevServer> {
  if (!existsSync(temporalCliPath)) {
    throw new Error(
      `Temporal CLI not found at ${temporalCliPath}: run \`bash scripts/install-tools.sh temporal\``,
    );
  }
  const port = options.port ?? (await findFreePort());
  const searchAttributes = Object.entries(JOURNEY_SEARCH_ATTRIBUTES).flatMap(([name, type]) => [
    '--search-attribute',
    `${name}=${type}`,
  ]);
  const ui = options.uiPort ? ['--ui-ip', '127.0.0.1', '--ui-port', String(options.uiPort)] : ['--headless'];
  const persistence = options.dbFile ? ['--db-filename', options.dbFile] : [];
  const server = spawnTethered(
    temporalCliPath,
    [
      ...['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), ...ui, ...persistence],
      ...['--log-level', 'warn', '--namespace', 'default', ...searchAttributes],
    ],
    { name: 'temporal-dev-server' },
  );
  await waitForPort(port, 60_000, 'Temporal dev server');
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    stop: () => server.stop(),
  };
}
