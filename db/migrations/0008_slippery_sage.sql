CREATE TABLE "segment_counts" (
	"segment_id" uuid NOT NULL,
	"day" date NOT NULL,
	"members" integer NOT NULL,
	CONSTRAINT "segment_counts_segment_id_day_pk" PRIMARY KEY("segment_id","day")
);
--> statement-breakpoint
CREATE TABLE "segment_memberships" (
	"segment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"is_member" boolean NOT NULL,
	"entries" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "segment_memberships_segment_id_client_id_pk" PRIMARY KEY("segment_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "segmentation_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"rfm_cut_points" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"rule" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_facts" ADD COLUMN "rfm_cell" text;--> statement-breakpoint
ALTER TABLE "client_facts" ADD COLUMN "lifecycle_stage" text;--> statement-breakpoint
ALTER TABLE "segment_counts" ADD CONSTRAINT "segment_counts_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_memberships" ADD CONSTRAINT "segment_memberships_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_memberships" ADD CONSTRAINT "segment_memberships_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "segment_memberships_client_idx" ON "segment_memberships" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "segment_memberships_members_idx" ON "segment_memberships" USING btree ("segment_id","client_id") WHERE "segment_memberships"."is_member";--> statement-breakpoint
CREATE UNIQUE INDEX "segments_key_key" ON "segments" USING btree ("key");