/**
 * Codes of what stops a call-task operation, each with the HTTP status the API answers with (the map
 * lives with the door, `engine/src/api/routes/call-tasks`).
 */
export const CALL_TASK_ERROR_CODES = [
  /** No task has that id. */
  'call_task_not_found',
  /** The task was completed with another outcome; the first one stands. */
  'call_task_already_completed',
  /** The task was cancelled (its journey moved on); nobody works it any more. */
  'call_task_cancelled',
  /** Another operator holds the task, or it is pinned to another operator. */
  'call_task_taken',
  /** The operator id names no user. */
  'operator_not_found',
  /** The client the task would be for does not exist. */
  'client_not_found',
] as const;
export type CallTaskErrorCode = (typeof CALL_TASK_ERROR_CODES)[number];

/** Thrown by the call-task functions when the task's state or the caller forbids the operation. */
export class CallTaskError extends Error {
  constructor(
    readonly code: CallTaskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallTaskError';
  }
}
