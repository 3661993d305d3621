/**
 * A test path or forecast asked for something that does not exist or cannot run (an unknown client,
 * a version the journey never published, an audience past the bound). `field` is the request field at fault, so the API answers
 * a 4xx naming it.
 */
export class SimulationInputError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'validation_failed',
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SimulationInputError';
  }
}
