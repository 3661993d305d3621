/**
 * The drizzle query operators, re-exported so packages above db build conditions with the very same
 * drizzle copy the schema was declared with (npm keeps drizzle-orm nested under db/, and two copies'
 * class types do not mix).
 */
export {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';
export type { SQL, SQLWrapper } from 'drizzle-orm';
