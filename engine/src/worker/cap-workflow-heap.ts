import v8 from 'node:v8';

/** True when the operator started Node with a heap size of their own, which then stands. */
function isHeapSetByOperator(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.some((flag) => flag.startsWith('--max-old-space-size'));
}

/**
 * Caps the V8 heap of the workflow threads the SDK starts next (where cached journeys live) at
 * `heapMb`. Without a cap V8 sizes every heap from the machine's memory (4 GB here) and lets garbage
 * of evicted journeys pile up far past what the cache holds, since a collection is only forced near
 * the limit. V8 reads the flag when an isolate is created, so it must be set before the worker
 * starts its threads; the main thread's heap, created already, keeps Node's default. The flag is
 * process-wide: in a process that creates several journey workers, threads take the latest cap.
 */
export function capWorkflowThreadHeap(heapMb: number): void {
  if (isHeapSetByOperator()) return;
  v8.setFlagsFromString(`--max-old-space-size=${Math.round(heapMb)}`);
}
