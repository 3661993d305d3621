CREATE TABLE "event_types" (
	"type" text PRIMARY KEY NOT NULL,
	"count" bigint NOT NULL,
	"first_occurred_at" timestamp with time zone NOT NULL,
	"last_occurred_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_totals" (
	"journey_id" uuid NOT NULL,
	"stripe" smallint NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"converted" integer DEFAULT 0 NOT NULL,
	"exited" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_totals_journey_id_stripe_pk" PRIMARY KEY("journey_id","stripe")
);
--> statement-breakpoint
CREATE TABLE "audience_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"run_key" text NOT NULL,
	"segment" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"started" integer DEFAULT 0 NOT NULL,
	"already_running" integer DEFAULT 0 NOT NULL,
	"not_started" integer DEFAULT 0 NOT NULL,
	"last_client_id" uuid,
	"attempts" integer DEFAULT 1 NOT NULL,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journey_totals" ADD CONSTRAINT "journey_totals_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_runs" ADD CONSTRAINT "audience_runs_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audience_runs_run_key_key" ON "audience_runs" USING btree ("run_key");--> statement-breakpoint
CREATE INDEX "audience_runs_journey_idx" ON "audience_runs" USING btree ("journey_id","created_at");