CREATE TABLE "report_client_contributions" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"counter_ids" bigint[] NOT NULL,
	"ns" numeric[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_counters" ADD COLUMN "id" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "report_counters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE UNIQUE INDEX "report_counters_id_key" ON "report_counters" USING btree ("id");