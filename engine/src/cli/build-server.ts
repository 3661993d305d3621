// Compiles the API and worker entrypoints to plain JavaScript (what the Docker image runs, no tsx):
//   dist/server/main/{api,worker}.mjs   our code bundled; npm packages stay imports (native parts)
//   dist/server/workflows/*.js          the journey workflow bundle, prebuilt (plain and traced)
//   dist/server/migrations/             the SQL migrations the API applies at start
// Paths the code derives from import.meta.url (repo root three levels up, ../migrations) hold there.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { bundleJourneyWorkflows } from '../worker/bundle-journey-workflows';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const out = path.join(root, 'dist', 'server');
const started = Date.now();
rmSync(out, { recursive: true, force: true });

// Our workspaces are TypeScript sources: bundle them. Every other package is installed in the image.
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@touchpoint/') ? undefined : { path: args.path, external: true },
    );
  },
};
await build({
  entryPoints: { api: 'engine/src/main/api.ts', worker: 'engine/src/main/worker.ts' },
  absWorkingDir: root,
  outdir: path.join(out, 'main'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [externalPackages],
  logLevel: 'warning',
});

await bundleJourneyWorkflows(path.join(out, 'workflows'));
cpSync(path.join(root, 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
console.log(`[build-server] dist/server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
