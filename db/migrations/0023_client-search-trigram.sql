-- Hand-written (drizzle-kit generate --custom): client search (`GET /v1/clients?q=`, the call queue's
-- search) matches a part of the name, email, phone or CRM id anywhere in it. A substring LIKE cannot use
-- a b-tree, so over millions of clients it would read the whole table; a trigram GIN index over one
-- search text answers it from the index. pg_trgm is a trusted extension (PostgreSQL 13+): the database
-- owner may create it without superuser; PGlite loads it from @electric-sql/pglite/contrib/pg_trgm.
-- The indexed expression is `clientSearchTextSql` (db/src/queries/client-search-text.ts) character for
-- character: the planner uses the index only for the same expression.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS clients_search_trgm_idx ON clients USING gin (
  (lower(external_id || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(attributes ->> 'name', ''))) gin_trgm_ops
);
--> statement-breakpoint
-- The call queue filters by journey; tasks of one journey are a small share of the queue.
CREATE INDEX IF NOT EXISTS call_tasks_journey_status_idx ON call_tasks (journey_id, status);
