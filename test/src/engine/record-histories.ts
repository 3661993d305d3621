// Records the committed replay fixtures:
//   npx tsx test/src/engine/record-histories.ts <generation> [scenario…]
// Runs the scenarios (all, or the named ones) on the time-skipping server with a real worker (PGlite
// in memory, loopback SMTP/SMS) and writes one JSON file per workflow run to
// test/fixtures/histories/<generation>/. Start a new generation folder (`03-…`) whenever workflow code
// changes its commands, and never re-record an old one: its point is that older code made it.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startEngineFixture } from './engine-fixture';
import { fetchRunHistories } from './history-chain';
import { HISTORIES_DIR, writeHistoryFile } from './history-files';
import { HISTORY_SCENARIOS } from './history-scenarios';

async function recordHistories(generation: string, names: readonly string[]): Promise<void> {
  const dir = `${HISTORIES_DIR}${generation}/`;
  const scenarios = HISTORY_SCENARIOS.filter(({ name }) => names.length === 0 || names.includes(name));
  const unknown = names.filter((name) => !HISTORY_SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}`);
  await mkdir(dir, { recursive: true });
  for (const file of await readdir(dir)) {
    const isRecorded = scenarios.some(({ name }) => file.startsWith(`${name}.`) && file.endsWith('.json'));
    if (isRecorded) await rm(`${dir}${file}`);
  }
  const fixture = await startEngineFixture({ database: 'pglite' });
  try {
    for (const scenario of scenarios) {
      const handle = await scenario.run(fixture);
      // A scenario may end in a failed run on purpose; its history is recorded all the same.
      const result = await handle
        .result()
        .catch((error: unknown) => ({ status: 'failed', reason: (error as Error).message }));
      const runs = await fetchRunHistories(fixture.client, handle.workflowId, handle.firstExecutionRunId);
      for (const [index, history] of runs.entries()) {
        await writeHistoryFile(`${dir}${scenario.name}.${index + 1}.json`, history);
      }
      console.log(`${scenario.name}: ${runs.length} run(s), ${result.status}/${result.reason}`);
    }
  } finally {
    await fixture.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [generation, ...names] = process.argv.slice(2);
  if (!generation) throw new Error('usage: record-histories.ts <generation folder> [scenario…]');
  await recordHistories(generation, names);
}
