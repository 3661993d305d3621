-- Report counters gain a day (the ALTERs below): every contribution now adds to an all-time row
-- and to the row of the UTC day that puts it in a period (docs/metrics.md, "Periods"). The stored
-- contributions have no day rows, so both tables are emptied and rebuilt from the stored facts by the
-- refresher's rebuild from the first client; until it ends every report answers from raw rows
-- (is_base_ready false). No stored fact is touched.
TRUNCATE report_counters, report_client_contributions;
--> statement-breakpoint
UPDATE report_rollup_state
  SET rebuild_after = '00000000-0000-0000-0000-000000000000', is_ready = false, is_base_ready = false,
    updated_at = now()
  WHERE id = 1;
--> statement-breakpoint
ALTER TABLE "report_counters" ADD COLUMN "day" date NOT NULL;--> statement-breakpoint
ALTER TABLE "report_counters" DROP CONSTRAINT "report_counters_pkey";
--> statement-breakpoint
ALTER TABLE "report_counters" ADD CONSTRAINT "report_counters_pkey" PRIMARY KEY("journey_id","day","taxonomy_version","attribution","journey_version","is_sole","node_id","figure","bucket");