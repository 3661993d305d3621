import { DeliveryPolicy } from '@touchpoint/channels';
import { createSimulator } from '@touchpoint/engine/simulation/simulator';
import { TRACKING } from '../channels/send-fixtures';
import { startBuilderServer, type BuilderServer } from './builder-server';

/** The builder server whose API tests paths and forecasts with a real simulator; `close` stops both. */
export interface SimulatingBuilderServer {
  server: BuilderServer;
  close(): Promise<void>;
}

/**
 * Starts the builder behind an API that runs test paths and forecasts for real (every channel
 * captured, none delivered), for the stories of the Test path and Forecast panels.
 */
export async function startSimulatingBuilderServer(): Promise<SimulatingBuilderServer> {
  let simulator: ReturnType<typeof createSimulator> | undefined;
  const server = await startBuilderServer({
    app: (db) => {
      simulator = createSimulator(db, {
        policy: DeliveryPolicy.parse({}),
        channels: ['email', 'sms', 'call'],
        tracking: TRACKING,
      });
      // The first test path opens the scratch database: on a loaded machine that outlasts 60 s of silence.
      return { simulator, config: { timeouts: { connectionTimeoutMs: 600_000 } } };
    },
  });
  return {
    server,
    async close() {
      await simulator?.close();
      await server.close();
    },
  };
}
