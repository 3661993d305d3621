import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { artifactsDir, repoRoot } from '../harness/paths';
import { waitUntil } from '../harness/patience';

/** A production entrypoint (`engine/src/main/api.ts` or `worker.ts`) running as its own process. */
export interface TouchpointProcess {
  readonly child: ChildProcess;
  /** Its JSON log lines (pino on stdout), as parsed so far. */
  readonly lines: Record<string, unknown>[];
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  waitForLog(
    what: string,
    match: (line: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | null>;
}

/** Variables every production process needs; the tests add the database, Temporal and ports. */
export const PROCESS_SECRETS = {
  TOUCHPOINT_ADMIN_KEY: 'tp_admin_ops-process-key-0123',
  TRACKING_SECRET: 'ops-process-tracking-secret',
};

/** The compiled entrypoints (`npm run build:server`), as the Docker image runs them. */
export const compiledEntrypoint = (role: 'api' | 'worker') => `dist/server/main/${role}.mjs`;

/**
 * Starts `role`'s entrypoint with `env` on top of this process's environment: from source through
 * tsx, or `compiled` (plain node on dist/server, with the prebuilt workflow bundle).
 */
export function startTouchpointProcess(
  role: 'api' | 'worker',
  env: Record<string, string>,
  options: { compiled?: boolean } = {},
): TouchpointProcess {
  const args = options.compiled
    ? [compiledEntrypoint(role)]
    : ['--import', 'tsx', `engine/src/main/${role}.ts`];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...PROCESS_SECRETS, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  // Kept for the reader of a failed run, as the harness keeps its servers' logs.
  const logDir = path.join(artifactsDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = createWriteStream(path.join(logDir, `touchpoint-${role}-${child.pid ?? 'unknown'}.log`));
  child.once('exit', () => logFile.end());
  createInterface({ input: child.stdout! }).on('line', (line) => {
    logFile.write(`${line}\n`);
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // Not pino's: the workflow bundler prints its report as plain text.
      lines.push({ text: line });
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    async waitForLog(what, match) {
      await waitUntil(async () => lines.some(match), undefined, `${role} log: ${what}`);
      return lines.find(match)!;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
