CREATE TABLE "exit_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer NOT NULL,
	"signalled" integer DEFAULT 0 NOT NULL,
	"error" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "routing_claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exit_jobs" ADD CONSTRAINT "exit_jobs_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exit_jobs_journey_idx" ON "exit_jobs" USING btree ("journey_id","created_at");--> statement-breakpoint
CREATE INDEX "exit_jobs_running_idx" ON "exit_jobs" USING btree ("created_at") WHERE "exit_jobs"."status" = 'running';