import { integer, jsonb, pgTable } from 'drizzle-orm/pg-core';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { createdAt } from './columns';

/**
 * Every funnel taxonomy the business has saved, numbered 1, 2, … and only ever inserted: the current
 * one is the highest `version`. Version 1 is seed 000's defaults (the custom migration inserts it).
 * Reports compute attribution from stored events and messages at read time with the taxonomy asked
 * for, so saving a new version changes what reports show and never rewrites a stored fact.
 */
export const funnelTaxonomies = pgTable('funnel_taxonomies', {
  version: integer('version').primaryKey(),
  actions: jsonb('actions').$type<FunnelTaxonomy>().notNull(),
  createdAt: createdAt(),
});

export type FunnelTaxonomyRow = typeof funnelTaxonomies.$inferSelect;
