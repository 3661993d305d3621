CREATE TABLE "uplift_client_contributions" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"counter_ids" bigint[] NOT NULL,
	"ns" numeric[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uplift_counters" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "uplift_counters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"journey_id" uuid NOT NULL,
	"taxonomy_version" integer NOT NULL,
	"journey_version" integer NOT NULL,
	"node_id" text NOT NULL,
	"stratum" text NOT NULL,
	"is_control" boolean NOT NULL,
	"figure" text NOT NULL,
	"n" numeric NOT NULL,
	CONSTRAINT "uplift_counters_pkey" PRIMARY KEY("journey_id","taxonomy_version","journey_version","node_id","stratum","is_control","figure")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "uplift_counters_id_key" ON "uplift_counters" USING btree ("id");