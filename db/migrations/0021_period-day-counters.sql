ALTER TABLE "report_counters" ADD COLUMN "day" date NOT NULL;--> statement-breakpoint
ALTER TABLE "report_counters" DROP CONSTRAINT "report_counters_pkey";
--> statement-breakpoint
ALTER TABLE "report_counters" ADD CONSTRAINT "report_counters_pkey" PRIMARY KEY("journey_id","day","taxonomy_version","attribution","journey_version","is_sole","node_id","figure","bucket");