import { invalidFieldError } from '../api-error';

/**
 * Refuses a batch over the configured limit as a 400 naming the field, like any other schema rule (the
 * schema carries the product's limit, `MAX_BATCH_SIZE`; a deployment may configure a lower one).
 */
export function assertBatchSize(path: string, size: number, limit: number): void {
  if (size <= limit) return;
  const message = `at most ${limit} items per request`;
  throw invalidFieldError(path, message, 'too_big');
}
