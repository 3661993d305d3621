import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';

/** The builder's production build, ready to serve; `release` removes it when this caller made it. */
export interface BuiltBuilder {
  dir: string;
  release: () => void;
}

/** Runs the builder's production build (`vite build`) into `outDir`, replacing what was there. */
export async function buildBuilderInto(outDir: string): Promise<void> {
  await promisify(execFile)(
    'npx',
    ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: path.join(repoRoot, 'builder'),
    },
  );
}

/**
 * The suite builds the builder once (global setup names the folder in `TOUCHPOINT_BUILDER_DIST`) and
 * every browser file serves that folder read-only: building in each of the thirty-odd files cost a
 * few seconds of CPU apiece on a machine the other files share. Outside the suite (the builder
 * benchmark) it builds into a folder of its own, which `release` removes. Never builder/dist, which
 * the product itself serves.
 */
export async function builtBuilder(): Promise<BuiltBuilder> {
  const shared = process.env.TOUCHPOINT_BUILDER_DIST;
  if (shared) return { dir: shared, release: () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'touchpoint-builder-'));
  await buildBuilderInto(dir);
  return { dir, release: () => rmSync(dir, { recursive: true, force: true }) };
}
