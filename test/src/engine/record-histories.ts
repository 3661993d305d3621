// Records the committed replay fixtures: `npx tsx test/src/engine/record-histories.ts [scenario…]`
// (only the named scenarios when names are given; their earlier files are replaced, others kept).
// Runs every history scenario on the time-skipping server with a real worker (PGlite in memory,
// loopback SMTP/SMS) and writes one JSON file per workflow run to test/fixtures/histories/.
// Re-record only on purpose: the point of the files is that they were made by *older* workflow code.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startEngineFixture } from './engine-fixture';
import { fetchRunHistories } from './history-chain';
import { HISTORIES_DIR, writeHistoryFile } from './history-files';
import { HISTORY_SCENARIOS } from './history-scenarios';

async function recordHistories(names: readonly string[]): Promise<void> {
  const scenarios = HISTORY_SCENARIOS.filter(({ name }) => names.length === 0 || names.includes(name));
  const unknown = names.filter((name) => !HISTORY_SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}`);
  await mkdir(HISTORIES_DIR, { recursive: true });
  for (const file of await readdir(HISTORIES_DIR)) {
    const isRecorded = scenarios.some(({ name }) => file.startsWith(`${name}.`) && file.endsWith('.json'));
    if (isRecorded) await rm(`${HISTORIES_DIR}${file}`);
  }
  const fixture = await startEngineFixture({ database: 'pglite' });
  try {
    for (const scenario of scenarios) {
      const handle = await scenario.run(fixture);
      const result = await handle.result();
      const runs = await fetchRunHistories(fixture.client, handle.workflowId, handle.firstExecutionRunId);
      for (const [index, history] of runs.entries()) {
        await writeHistoryFile(`${HISTORIES_DIR}${scenario.name}.${index + 1}.json`, history);
      }
      console.log(`${scenario.name}: ${runs.length} run(s), ${result.status}/${result.reason}`);
    }
  } finally {
    await fixture.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await recordHistories(process.argv.slice(2));
}
