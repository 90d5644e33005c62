CREATE TABLE "dashboard_data_versions" (
	"county_id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_data_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "dashboard_data_versions_read" ON "dashboard_data_versions" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("dashboard_data_versions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')));