import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerPath = fileURLToPath(new URL('./journey-worker-process.ts', import.meta.url));

/** Where a spawned journey worker connects and what it polls. */
export interface JourneyWorkerProcessEnv {
  DATABASE_URL: string;
  TEMPORAL_ADDRESS: string;
  JOURNEY_TASK_QUEUE: string;
  /** Members per audience page (the product's 500 when unset). */
  AUDIENCE_PAGE_SIZE?: string;
}

/**
 * Starts a real journey worker in a process of its own (so a test can SIGKILL it mid-work) and
 * resolves once it polls. The caller kills it; `kill('SIGKILL')` leaves Temporal to time its work out.
 */
export function spawnJourneyWorker(env: JourneyWorkerProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerPath], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code} before it was ready: ${errors}`)),
    );
  });
}
