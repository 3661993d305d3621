import { expect, it } from 'vitest';
import { runBuilderBenchmark } from './builder-bench';

it('measures a 300-step canvas: first render and pan frame times beside an empty canvas', async () => {
  const result = await runBuilderBenchmark(300);
  process.stderr.write(`builder benchmark: ${JSON.stringify(result)}\n`);
  expect(result.large.nodes).toBe(300);
  expect(result.large.panFrames).toBeGreaterThan(10);
  expect(result.baseline.panFrames).toBeGreaterThan(10);
}, 180_000);
