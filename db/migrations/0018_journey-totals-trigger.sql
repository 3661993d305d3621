-- Hand-written (drizzle-kit generate --custom): the journey list's `journey_totals` (0010) is kept by
-- the database instead of the bookkeeping code, so every write of `enrollments` counts, whoever makes
-- it (the product, an import, a fixture, a hand fix). Statement triggers over transition tables, as
-- the report rollups' (0013): one upsert per statement, not per row. Each changed enrollment counts
-- +1 in its new buckets and -1 in its old ones, in its stripe (the id's first byte mod 16,
-- journeyTotalsStripe in db/src/schema/journey-totals.ts), so a burst of one journey spreads its row
-- locks over 16 rows; rows are upserted in key order, so two writers never lock them crosswise.
-- The upsert is built once per operation because an INSERT trigger has no old rows to name.
-- An update counts only the rows whose counted columns changed: a rename for re-entry, a migration's
-- version or updated_at move nothing.
CREATE FUNCTION journey_totals_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT journey_id, id, status, exit_reason, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT journey_id, id, status, exit_reason, -1 AS sign FROM old_rows'
    ELSE 'WITH changed AS (
            SELECT o.journey_id AS old_journey, o.status AS old_status, o.exit_reason AS old_reason, n.*
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (o.journey_id, o.status, o.exit_reason) IS DISTINCT FROM (n.journey_id, n.status, n.exit_reason))
          SELECT journey_id, id, status, exit_reason, 1 AS sign FROM changed
          UNION ALL SELECT old_journey, id, old_status, old_reason, -1 FROM changed'
  END;
BEGIN
  EXECUTE format($upsert$
    INSERT INTO journey_totals AS t (journey_id, stripe, enrolled, active, completed, converted, exited, failed)
    SELECT journey_id, get_byte(uuid_send(id), 0) %% 16,
      sum(sign),
      coalesce(sum(sign) FILTER (WHERE status = 'active'), 0),
      coalesce(sum(sign) FILTER (WHERE status = 'completed'), 0),
      coalesce(sum(sign) FILTER (WHERE status = 'completed' AND exit_reason = 'converted'), 0),
      coalesce(sum(sign) FILTER (WHERE status = 'exited'), 0),
      coalesce(sum(sign) FILTER (WHERE status = 'failed'), 0)
    FROM (%s) AS moved
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (journey_id, stripe) DO UPDATE SET
      enrolled = t.enrolled + EXCLUDED.enrolled,
      active = t.active + EXCLUDED.active,
      completed = t.completed + EXCLUDED.completed,
      converted = t.converted + EXCLUDED.converted,
      exited = t.exited + EXCLUDED.exited,
      failed = t.failed + EXCLUDED.failed,
      updated_at = now()
  $upsert$, moved);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enrollments_totals_insert AFTER INSERT ON enrollments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_totals_move();
--> statement-breakpoint
CREATE TRIGGER enrollments_totals_update AFTER UPDATE ON enrollments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_totals_move();
--> statement-breakpoint
CREATE TRIGGER enrollments_totals_delete AFTER DELETE ON enrollments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_totals_move();
--> statement-breakpoint
-- From here the triggers count; a recount once makes the starting point exact too, whatever was
-- written around the application's bookkeeping before.
DELETE FROM journey_totals;
--> statement-breakpoint
INSERT INTO journey_totals (journey_id, stripe, enrolled, active, completed, converted, exited, failed)
SELECT
  journey_id,
  get_byte(uuid_send(id), 0) % 16,
  count(*),
  count(*) FILTER (WHERE status = 'active'),
  count(*) FILTER (WHERE status = 'completed'),
  count(*) FILTER (WHERE status = 'completed' AND exit_reason = 'converted'),
  count(*) FILTER (WHERE status = 'exited'),
  count(*) FILTER (WHERE status = 'failed')
FROM enrollments GROUP BY 1, 2;
