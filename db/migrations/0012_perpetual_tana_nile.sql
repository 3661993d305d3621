CREATE TABLE "report_contributions" (
	"client_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"taxonomy_version" integer NOT NULL,
	"attribution" text NOT NULL,
	"journey_version" integer NOT NULL,
	"is_sole" boolean NOT NULL,
	"node_id" text NOT NULL,
	"figure" text NOT NULL,
	"bucket" text NOT NULL,
	"n" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_counters" (
	"journey_id" uuid NOT NULL,
	"taxonomy_version" integer NOT NULL,
	"attribution" text NOT NULL,
	"journey_version" integer NOT NULL,
	"is_sole" boolean NOT NULL,
	"node_id" text NOT NULL,
	"figure" text NOT NULL,
	"bucket" text NOT NULL,
	"n" numeric NOT NULL,
	CONSTRAINT "report_counters_pkey" PRIMARY KEY("journey_id","taxonomy_version","attribution","journey_version","is_sole","node_id","figure","bucket")
);
--> statement-breakpoint
CREATE TABLE "report_rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"taxonomy_version" integer NOT NULL,
	"rebuild_after" uuid,
	"is_ready" boolean NOT NULL,
	"is_base_ready" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_dirty_clients" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_contributions_client_idx" ON "report_contributions" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "rollup_dirty_clients_marked_idx" ON "rollup_dirty_clients" USING btree ("marked_at");