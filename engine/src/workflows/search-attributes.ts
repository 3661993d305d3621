import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes of journey workflows, so operators and the API can list "everyone on node X
 * of journey Y, version N". They must be registered on the namespace once
 * (`registerSearchAttributes` in engine/src/temporal, or `temporal operator search-attribute create`).
 */
export const JOURNEY_ID_ATTRIBUTE = defineSearchAttributeKey(
  'TouchpointJourneyId',
  SearchAttributeType.KEYWORD,
);
export const JOURNEY_VERSION_ATTRIBUTE = defineSearchAttributeKey(
  'TouchpointJourneyVersion',
  SearchAttributeType.INT,
);
export const CLIENT_ID_ATTRIBUTE = defineSearchAttributeKey(
  'TouchpointClientId',
  SearchAttributeType.KEYWORD,
);
export const NODE_ID_ATTRIBUTE = defineSearchAttributeKey('TouchpointNodeId', SearchAttributeType.KEYWORD);

/** Every custom search attribute, for registration. */
export const JOURNEY_SEARCH_ATTRIBUTES = [
  JOURNEY_ID_ATTRIBUTE,
  JOURNEY_VERSION_ATTRIBUTE,
  CLIENT_ID_ATTRIBUTE,
  NODE_ID_ATTRIBUTE,
] as const;
