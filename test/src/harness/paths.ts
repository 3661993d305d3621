export { artifactsDir, repoRoot, temporalTestServerPath, toolsDir } from '@touchpoint/engine/main/paths';
