/**
 * What the builder expects back from the API: the shared API contract and the journey language's sets,
 * one import for the builder's pages. Nothing is declared here, so the builder cannot drift from the server.
 */
export * from '@touchpoint/language/api-contract';
export {
  ATTRIBUTION_MODES,
  AttributionMode,
  CALL_OUTCOMES,
  CallOutcome,
  FunnelActionRule,
  JourneyStatus,
  PRODUCT_MATCHES,
  type ProductMatch,
} from '@touchpoint/language';
