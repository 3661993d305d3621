import type { Connection } from '@temporalio/client';
import { JOURNEY_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

// temporal.api.enums.v1.IndexedValueType values (the proto package is not a direct dependency).
const INDEXED_TYPES = { KEYWORD: 2, INT: 3 } as const;

/**
 * Registers the journey search attributes on a namespace (idempotent: attributes that exist are
 * kept). Run once per cluster by the start command and the test setup.
 */
export async function registerSearchAttributes(connection: Connection, namespace = 'default'): Promise<void> {
  const searchAttributes: Record<string, number> = {};
  for (const key of JOURNEY_SEARCH_ATTRIBUTES) {
    searchAttributes[key.name] = INDEXED_TYPES[key.type as keyof typeof INDEXED_TYPES];
  }
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (error) {
    // ALREADY_EXISTS (6): a previous run registered them.
    if ((error as { code?: number }).code !== 6) throw error;
  }
}
