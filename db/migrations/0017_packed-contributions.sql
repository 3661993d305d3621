-- Contributions moved from one row per (client, counter) to one packed row per client
-- (report_client_contributions): the old rows are gone, so the counters they summed are emptied and
-- rebuilt from the stored facts by the refresher's rebuild from the first client. Until it ends every
-- report answers from raw rows (is_base_ready false). No stored fact is touched.
TRUNCATE report_counters;
--> statement-breakpoint
UPDATE report_rollup_state
  SET rebuild_after = '00000000-0000-0000-0000-000000000000', is_ready = false, is_base_ready = false,
    updated_at = now()
  WHERE id = 1;
