import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir } from './paths';

export interface TetheredProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

export interface TetheredOptions {
  name: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this OS user (PostgreSQL refuses to run as root). */
  user?: string;
  /** The signal that shuts the server down quickly (PostgreSQL: SIGINT = fast shutdown). */
  stopSignal?: 'SIGTERM' | 'SIGINT';
}

/**
 * Starts a server that stops by itself when this Node process dies, however it dies: a small bash
 * watchdog polls our pid and kills the server once we are gone, so a crashed or killed test run never
 * leaves servers behind.
 */
export function spawnTethered(command: string, args: string[], options: TetheredOptions): TetheredProcess {
  const logDir = path.join(artifactsDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${options.name}-${process.pid}.log`);
  const log = openSync(logFile, 'w');
  const signal = options.stopSignal ?? 'SIGTERM';
  // setpriv execs in place (runuser would stay as a parent that swallows the stop signal).
  const argv = options.user
    ? [
        'setpriv',
        `--reuid=${options.user}`,
        `--regid=${options.user}`,
        '--clear-groups',
        '--',
        command,
        ...args,
      ]
    : [command, ...args];
  const watchdog = `
    "$@" & server=$!
    trap 'kill -${signal.slice(3)} $server 2>/dev/null; wait $server; exit 0' TERM INT
    while kill -0 ${process.pid} 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done
    kill -${signal.slice(3)} $server 2>/dev/null
    wait $server`;
  const child = spawn('bash', ['-c', watchdog, options.name, ...argv], {
    env: options.env ?? process.env,
    stdio: ['ignore', log, log],
    // Its own process group, so a Ctrl-C meant for the server's group never reaches us twice.
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
