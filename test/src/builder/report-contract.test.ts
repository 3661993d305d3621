import { ATTRIBUTION_MODES, PRODUCT_MATCHES } from '@touchpoint/db';
import {
  ATTRIBUTION_MODES as BUILDER_ATTRIBUTION_MODES,
  PRODUCT_MATCHES as BUILDER_PRODUCT_MATCHES,
} from '@touchpoint/builder';
import { describe, expect, it } from 'vitest';

// The builder may not import db/, so it keeps its own copy of the report's closed sets; a new
// attribution rule or product match must reach its pickers and tables too.
describe('the report vocabulary the builder reads', () => {
  it('has the attribution rules and product matches of db/src/measurement', () => {
    expect([...BUILDER_ATTRIBUTION_MODES]).toEqual([...ATTRIBUTION_MODES]);
    expect([...BUILDER_PRODUCT_MATCHES]).toEqual([...PRODUCT_MATCHES]);
  });
});
