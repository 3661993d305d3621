import { expect, it } from 'vitest';
import { runIngestBenchmark } from './ingest-bench';

it('measures events/s through the batch API beside raw INSERT', async () => {
  const result = await runIngestBenchmark(20_000, 1_000);
  process.stderr.write(`ingest benchmark: ${JSON.stringify(result)}\n`);
  expect(result.apiEventsPerSecond).toBeGreaterThan(0);
  expect(result.ratio).toBeGreaterThan(0);
});
