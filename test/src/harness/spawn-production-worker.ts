import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@touchpoint/engine/main/paths';
import { findFreePort } from '@touchpoint/engine/main/ports';

const workerEntry = path.join(repoRoot, 'dist', 'server', 'main', 'worker.mjs');

/** A compiled worker process and the operator port it serves `/metrics` on. */
export interface ProductionWorker {
  child: ChildProcess;
  operatorUrl: string;
  /** Rejects, with the end of the worker's log, if it exits before it is killed. */
  exited: Promise<never>;
}

/**
 * Compiles the server (`npm run build:server`) so a measurement runs the code the Docker image runs,
 * never a stale dist/ left by an earlier checkout.
 */
export function buildServer(): void {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'engine/src/cli/build-server.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`build:server exited with ${built.status}`);
}

/**
 * Starts `node dist/server/main/worker.mjs` as docker-compose's `worker` service does (plain Node,
 * compiled JavaScript, configuration from the environment) and resolves once it logged that it
 * started. The caller kills it.
 */
export async function spawnProductionWorker(env: Record<string, string>): Promise<ProductionWorker> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [workerEntry], {
    cwd: repoRoot,
    // Only what a container would be given: no tsx loader or test flags inherited from this process.
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      WORKER_HTTP_PORT: String(port),
      SEGMENT_RECOMPUTE_CRON: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  child.stderr!.on('data', collect);
  child.stdout!.on('data', collect);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}): ${output}`))),
  );
  // Awaited by whoever races against it; unobserved until then, it must not end the process.
  exited.catch(() => undefined);
  const started = new Promise<void>((resolve) => {
    const check = () => output.includes('"msg":"worker started"') && resolve();
    child.stdout!.on('data', check);
  });
  await Promise.race([started, exited]);
  return { child, operatorUrl: `http://127.0.0.1:${port}`, exited };
}
