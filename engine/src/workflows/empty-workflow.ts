/** A workflow that does nothing: the benchmark's baseline for raw start throughput on the same server. */
export async function emptyWorkflow(): Promise<void> {}
