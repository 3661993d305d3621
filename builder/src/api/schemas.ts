/**
 * What the builder expects back from the API: the shared API contract and the journey language's sets,
 * one import for the builder's pages. Nothing is declared here, so the builder cannot drift from the server.
 */
export * from '@touchpoint/language/api-contract';
export { CALL_OUTCOMES, CallOutcome, JourneyStatus } from '@touchpoint/language';
