-- Hand-written (drizzle-kit generate --custom): fills the rollups of 0010 from the rows a deployment
-- already has, once. From here on storeEvents keeps event_types and the enrollment bookkeeping keeps
-- journey_totals, each in the transaction of the rows it counts.
INSERT INTO "event_types" ("type", "count", "first_occurred_at", "last_occurred_at")
SELECT "type", count(*), min("occurred_at"), max("occurred_at") FROM "events" GROUP BY "type"
ON CONFLICT ("type") DO NOTHING;
--> statement-breakpoint
-- The stripe is journeyTotalsStripe(id) of db/src/schema/journey-totals.ts: the id's first byte mod 16.
INSERT INTO "journey_totals" ("journey_id", "stripe", "enrolled", "active", "completed", "converted", "exited", "failed")
SELECT
  "journey_id",
  get_byte(uuid_send("id"), 0) % 16,
  count(*),
  count(*) FILTER (WHERE "status" = 'active'),
  count(*) FILTER (WHERE "status" = 'completed'),
  count(*) FILTER (WHERE "status" = 'completed' AND "exit_reason" = 'converted'),
  count(*) FILTER (WHERE "status" = 'exited'),
  count(*) FILTER (WHERE "status" = 'failed')
FROM "enrollments" GROUP BY 1, 2
ON CONFLICT ("journey_id", "stripe") DO NOTHING;
