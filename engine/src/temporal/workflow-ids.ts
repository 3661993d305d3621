/**
 * The deterministic workflow id of a client's enrollment in a journey:
 * `journey:<journeyId>:client:<clientId>[:<enrollmentKey>]`. The key is set only for journeys that
 * allow concurrent enrollments, so "is this client in this journey?" is one id lookup.
 */
export function journeyWorkflowId(
  journeyId: string,
  clientId: string,
  enrollmentKey?: string | null,
): string {
  const base = `journey:${journeyId}:client:${clientId}`;
  return enrollmentKey ? `${base}:${enrollmentKey}` : base;
}
