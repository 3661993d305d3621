// Small pieces engine tests and benchmarks draw journeys with.

/** A manual entry: the test enrolls clients itself. */
export const entry = { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } } as const;

/** An exit whose reason is its id, so a test reads where the client left. */
export const exit = (id: string) => ({ id, kind: 'exit', config: { reason: id } }) as const;

/** An edge with an id derived from where it starts (one edge per port). */
export const edge = (source: string, sourcePort: string, target: string) => ({
  id: `${source}-${sourcePort}`,
  source,
  sourcePort,
  target,
});
