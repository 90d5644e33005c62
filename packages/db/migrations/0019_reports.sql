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
CREATE TABLE "report_obligations" (
	"county_id" integer NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"grace_days" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_obligations_county_id_year_level_kind_pk" PRIMARY KEY("county_id","year","level","kind"),
	CONSTRAINT "report_obligations_level_check" CHECK (level in ('village', 'township')),
	CONSTRAINT "report_obligations_kind_check" CHECK (kind in ('monthly', 'half_monthly', 'quarterly')),
	CONSTRAINT "report_obligations_grace_check" CHECK (grace_days between 0 and 31),
	CONSTRAINT "report_obligations_year_check" CHECK (year between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "report_obligations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_versions" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"parent_code" varchar(12) NOT NULL,
	"version_no" integer NOT NULL,
	"draft_version" integer NOT NULL,
	"zero" boolean NOT NULL,
	"figures" jsonb NOT NULL,
	"narrative" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_name" text NOT NULL,
	"review_outcome" text,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	CONSTRAINT "report_versions_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "report_versions_review_check" CHECK ((review_outcome is null) = (reviewed_at is null) and (review_outcome is distinct from 'returned' or length(trim(review_comment)) > 0))
);
--> statement-breakpoint
ALTER TABLE "report_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reports" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"parent_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"zero" boolean DEFAULT false NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narrative" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"filed_version_no" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"ever_returned" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "reports_kind_check" CHECK (kind in ('monthly', 'half_monthly', 'quarterly')),
	CONSTRAINT "reports_state_check" CHECK (state in ('draft', 'submitted', 'accepted', 'returned')),
	CONSTRAINT "reports_filed_check" CHECK ((state = 'draft') = (filed_version_no = 0) and (filed_version_no = 0) = (submitted_at is null))
);
--> statement-breakpoint
ALTER TABLE "reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "immediate_reports" ADD CONSTRAINT "immediate_reports_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_county_id_report_id_reports_county_id_id_fk" FOREIGN KEY ("county_id","report_id") REFERENCES "public"."reports"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_county_id_parent_code_units_county_id_code_fk" FOREIGN KEY ("county_id","parent_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_versions_number_key" ON "report_versions" USING btree ("county_id","report_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "report_versions_draft_key" ON "report_versions" USING btree ("county_id","report_id","draft_version");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_unit_kind_period_key" ON "reports" USING btree ("county_id","unit_code","kind","period_key");--> statement-breakpoint
CREATE POLICY "immediate_reports_read" ON "immediate_reports" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("immediate_reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("immediate_reports"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "immediate_reports_insert" ON "immediate_reports" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("immediate_reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "immediate_reports"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0'));--> statement-breakpoint
CREATE POLICY "report_obligations_read" ON "report_obligations" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("report_obligations"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')));--> statement-breakpoint
CREATE POLICY "report_obligations_write" ON "report_obligations" AS PERMISSIVE FOR ALL TO "tally_app" USING ("report_obligations"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin'))) WITH CHECK ("report_obligations"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')));--> statement-breakpoint
CREATE POLICY "report_versions_read" ON "report_versions" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("report_versions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("report_versions"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "report_versions_insert" ON "report_versions" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("report_versions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "report_versions"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "report_versions"."reviewed_at" is null);--> statement-breakpoint
CREATE POLICY "report_versions_review" ON "report_versions" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("report_versions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "report_versions"."parent_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "report_versions"."reviewed_at" is null) WITH CHECK ("report_versions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "report_versions"."parent_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "report_versions"."reviewed_at" is not null);--> statement-breakpoint
CREATE POLICY "reports_read" ON "reports" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and ("reports"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') or (starts_with("reports"."unit_code", (select nullif(current_setting('app.scope', true), ''))) and "reports"."state" <> 'draft')));--> statement-breakpoint
CREATE POLICY "reports_insert" ON "reports" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "reports"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "reports"."state" = 'draft');--> statement-breakpoint
CREATE POLICY "reports_update_own" ON "reports" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "reports"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "reports"."state" in ('draft', 'returned')) WITH CHECK ("reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "reports"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "reports"."state" in ('draft', 'returned', 'submitted'));--> statement-breakpoint
CREATE POLICY "reports_update_review" ON "reports" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "reports"."parent_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "reports"."state" = 'submitted') WITH CHECK ("reports"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "reports"."parent_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0') and "reports"."state" in ('accepted', 'returned'));