import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PATIENCE_MS } from './patience';
import { repoRoot } from './paths';

const running = new Set<ChildProcess>();

/**
 * Runs a child script (through tsx, from the repository root) until it has printed `lineCount` JSON
 * lines — the last one saying it froze mid-work — or died, or `PATIENCE_MS` passed (a loaded
 * machine takes many seconds just to start tsx); then SIGKILLs it, as a
 * crash would. Throws with its stderr when it stopped short of the lines.
 */
export async function runChildUntilFrozen<Line>(
  script: string,
  env: Record<string, string | undefined>,
  lineCount = 2,
): Promise<{ lines: Line[]; signal: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      running.delete(child);
      resolve(signal);
    }),
  );
  const lines: Line[] = [];
  const allLines = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(JSON.parse(line) as Line);
      if (lines.length === lineCount) resolve();
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, PATIENCE_MS)));
  await Promise.race([allLines, exited, deadline]);
  clearTimeout(timer);
  child.kill('SIGKILL');
  if (lines.length < lineCount)
    throw new Error(`child stopped short of freezing: ${JSON.stringify(lines)}\n${stderr}`);
  return { lines, signal: await exited };
}

/** For afterAll: kills a child a failed or timed-out test left running. */
export function killFrozenChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}
