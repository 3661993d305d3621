-- Hand-written (drizzle-kit generate --custom): the uplift rollups (0020) are recomputed with the
-- report rollups, from the same dirty-client marks. Enrollments stored before them (a journey with a
-- holdout already running) are in no contribution yet, so when any exists, the report rollups'
-- rebuild walk is started again: it recomputes every client, uplift included. Until it reaches the
-- last client the uplift (and the taxonomy figures of the reports) answer from raw rows.
UPDATE report_rollup_state
SET rebuild_after = '00000000-0000-0000-0000-000000000000'::uuid, is_ready = false, updated_at = now()
WHERE id = 1 AND rebuild_after IS NULL AND EXISTS (SELECT 1 FROM enrollments WHERE stratum IS NOT NULL);
