import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the checkout lives. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const toolsDir = process.env.TOUCHPOINT_TOOLS_DIR ?? path.join(repoRoot, '.tools');
export const artifactsDir = path.join(repoRoot, '.artifacts');
export const temporalCliPath = path.join(toolsDir, 'bin', 'temporal');
export const temporalTestServerPath = path.join(toolsDir, 'bin', 'temporal-test-server');
