CREATE TABLE "funnel_taxonomies" (
	"version" integer PRIMARY KEY NOT NULL,
	"actions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
