CREATE TABLE "immediate_reports" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"event_kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_by_name" text NOT NULL,
	CONSTRAINT "immediate_reports_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "immediate_reports_kind_check" CHECK (event_kind in ('mass_incident', 'major_accident', 'criminal_case', 'public_security', 'other')),
	CONSTRAINT "immediate_reports_order_check" CHECK (occurred_at <= known_at and known_at <= reported_at)
);
--> statement-breakpoint
ALTER TABLE "immediate_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "immediate_reports" ADD CONSTRAINT "immediate_reports_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "immediate_reports_read" ON "immediate_reports" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("immediate_reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("immediate_reports"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "immediate_reports_insert" ON "immediate_reports" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("immediate_reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "immediate_reports"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0'));