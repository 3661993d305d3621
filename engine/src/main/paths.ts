import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the checkout lives. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Servers installed by scripts/install-tools.sh. */
export const toolsDir = process.env.TOUCHPOINT_TOOLS_DIR ?? path.join(repoRoot, '.tools');
/** Logs of spawned servers, screenshots, benchmark output. */
export const artifactsDir = path.join(repoRoot, '.artifacts');
/** State kept by `npm start` between runs. */
export const dataDir = process.env.TOUCHPOINT_DATA_DIR ?? path.join(repoRoot, '.data');
export const temporalCliPath = path.join(toolsDir, 'bin', 'temporal');
export const temporalTestServerPath = path.join(toolsDir, 'bin', 'temporal-test-server');
export const builderDistDir = path.join(repoRoot, 'builder', 'dist');
