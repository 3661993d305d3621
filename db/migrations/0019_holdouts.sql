CREATE TABLE "global_control_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"share" double precision DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holdout_assignments" (
	"experiment_key" text NOT NULL,
	"client_id" uuid NOT NULL,
	"stratum" text NOT NULL,
	"is_holdout" boolean NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holdout_assignments_experiment_key_client_id_pk" PRIMARY KEY("experiment_key","client_id")
);
--> statement-breakpoint
CREATE TABLE "holdout_strata" (
	"experiment_key" text NOT NULL,
	"stratum" text NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"held_out" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holdout_strata_experiment_key_stratum_pk" PRIMARY KEY("experiment_key","stratum")
);
--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "control_group" text;--> statement-breakpoint
ALTER TABLE "holdout_assignments" ADD CONSTRAINT "holdout_assignments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollments_journey_stratum_idx" ON "enrollments" USING btree ("journey_id","stratum");