CREATE TABLE "assessment_breakdowns" (
	"county_id" integer NOT NULL,
	"result_id" uuid NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"assessment" jsonb NOT NULL,
	CONSTRAINT "assessment_breakdowns_county_id_result_id_unit_code_pk" PRIMARY KEY("county_id","result_id","unit_code")
);
--> statement-breakpoint
ALTER TABLE "assessment_breakdowns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_rankings" (
	"county_id" integer NOT NULL,
	"result_id" uuid NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"scope_code" varchar(12) NOT NULL,
	"ranked_level" text NOT NULL,
	"unit_name" text NOT NULL,
	"final_milli" bigint NOT NULL,
	"rank" integer NOT NULL,
	"vetoed" boolean NOT NULL,
	CONSTRAINT "assessment_rankings_county_id_result_id_unit_code_pk" PRIMARY KEY("county_id","result_id","unit_code"),
	CONSTRAINT "assessment_rankings_level_check" CHECK (ranked_level in ('township', 'village'))
);
--> statement-breakpoint
ALTER TABLE "assessment_rankings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"scope_code" varchar(12) NOT NULL,
	"ranked_level" text NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"rule_set_hash" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"period_closed" boolean NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL,
	"published_by_name" text NOT NULL,
	"supersedes" uuid,
	"reason" text,
	CONSTRAINT "assessment_results_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "assessment_results_period_check" CHECK (period in ('year', 'H1', 'Q1', 'Q2', 'Q3', 'Q4')),
	CONSTRAINT "assessment_results_level_check" CHECK (ranked_level in ('township', 'village')),
	CONSTRAINT "assessment_results_correction_check" CHECK (supersedes is null or reason is not null)
);
--> statement-breakpoint
ALTER TABLE "assessment_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_rule_sets" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "assessment_rule_sets_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "assessment_rule_sets_status_check" CHECK (status in ('draft', 'published')),
	CONSTRAINT "assessment_rule_sets_year_check" CHECK (year between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "assessment_rule_sets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "checking_events" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"level" text,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"attachment_ref" text,
	"entered_by_unit" varchar(12) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "checking_events_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "checking_events_kind_check" CHECK (kind in ('night-duty-off-post', 'commendation', 'preventable-case', 'mass-incident', 'vicious-criminal-case', 'major-accident', 'disgraceful-incident'))
);
--> statement-breakpoint
ALTER TABLE "checking_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_scores" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"component" text NOT NULL,
	"period_no" integer NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reason" text,
	"entered_by_unit" varchar(12) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_scores_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "inspection_scores_component_check" CHECK (component in ('routine', 'half-year', 'year-end')),
	CONSTRAINT "inspection_scores_score_check" CHECK (score between 0 and 100),
	CONSTRAINT "inspection_scores_period_check" CHECK ((component = 'routine' and period_no between 1 and 12) or (component <> 'routine' and period_no = 1)),
	CONSTRAINT "inspection_scores_version_check" CHECK (version >= 1 and (version = 1 or reason is not null))
);
--> statement-breakpoint
ALTER TABLE "inspection_scores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessment_breakdowns" ADD CONSTRAINT "assessment_breakdowns_county_id_result_id_assessment_results_county_id_id_fk" FOREIGN KEY ("county_id","result_id") REFERENCES "public"."assessment_results"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rankings" ADD CONSTRAINT "assessment_rankings_county_id_result_id_assessment_results_county_id_id_fk" FOREIGN KEY ("county_id","result_id") REFERENCES "public"."assessment_results"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_county_id_rule_set_id_assessment_rule_sets_county_id_id_fk" FOREIGN KEY ("county_id","rule_set_id") REFERENCES "public"."assessment_rule_sets"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_county_id_scope_code_units_county_id_code_fk" FOREIGN KEY ("county_id","scope_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checking_events" ADD CONSTRAINT "checking_events_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_scores" ADD CONSTRAINT "inspection_scores_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_results_period_idx" ON "assessment_results" USING btree ("county_id","year","period","scope_code","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_rule_sets_one_draft" ON "assessment_rule_sets" USING btree ("county_id","year") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_rule_sets_published_hash" ON "assessment_rule_sets" USING btree ("county_id","year","content_hash") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "checking_events_unit_idx" ON "checking_events" USING btree ("county_id","unit_code" text_pattern_ops,"occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_scores_version_key" ON "inspection_scores" USING btree ("county_id","unit_code","year","component","period_no","version");--> statement-breakpoint
CREATE POLICY "assessment_breakdowns_read" ON "assessment_breakdowns" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("assessment_breakdowns"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("assessment_breakdowns"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "assessment_breakdowns_insert" ON "assessment_breakdowns" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("assessment_breakdowns"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')));--> statement-breakpoint
CREATE POLICY "assessment_rankings_read" ON "assessment_rankings" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("assessment_rankings"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and (starts_with("assessment_rankings"."scope_code", (select nullif(current_setting('app.scope', true), ''))) or ("assessment_rankings"."ranked_level" = 'township' and (select nullif(current_setting('app.role', true), '') in ('township_staff')))));--> statement-breakpoint
CREATE POLICY "assessment_rankings_insert" ON "assessment_rankings" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("assessment_rankings"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')));--> statement-breakpoint
CREATE POLICY "assessment_results_read" ON "assessment_results" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("assessment_results"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')));--> statement-breakpoint
CREATE POLICY "assessment_results_insert" ON "assessment_results" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("assessment_results"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')));--> statement-breakpoint
CREATE POLICY "assessment_rule_sets_read" ON "assessment_rule_sets" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("assessment_rule_sets"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and ((select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff')) or ("assessment_rule_sets"."status" = 'published' and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')))));--> statement-breakpoint
CREATE POLICY "assessment_rule_sets_insert" ON "assessment_rule_sets" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("assessment_rule_sets"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')) and "assessment_rule_sets"."status" = 'draft');--> statement-breakpoint
CREATE POLICY "assessment_rule_sets_update" ON "assessment_rule_sets" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("assessment_rule_sets"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')) and "assessment_rule_sets"."status" = 'draft') WITH CHECK ("assessment_rule_sets"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')));--> statement-breakpoint
CREATE POLICY "assessment_rule_sets_delete" ON "assessment_rule_sets" AS PERMISSIVE FOR DELETE TO "tally_app" USING ("assessment_rule_sets"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin')) and "assessment_rule_sets"."status" = 'draft');--> statement-breakpoint
CREATE POLICY "checking_events_read" ON "checking_events" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("checking_events"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("checking_events"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "checking_events_insert" ON "checking_events" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("checking_events"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff')) and (starts_with("checking_events"."unit_code", (select nullif(current_setting('app.scope', true), ''))) and "checking_events"."unit_code" <> rpad((select nullif(current_setting('app.scope', true), '')), 12, '0')));--> statement-breakpoint
CREATE POLICY "checking_events_update" ON "checking_events" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("checking_events"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff')) and (starts_with("checking_events"."unit_code", (select nullif(current_setting('app.scope', true), ''))) and "checking_events"."unit_code" <> rpad((select nullif(current_setting('app.scope', true), '')), 12, '0'))) WITH CHECK ("checking_events"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff')) and (starts_with("checking_events"."unit_code", (select nullif(current_setting('app.scope', true), ''))) and "checking_events"."unit_code" <> rpad((select nullif(current_setting('app.scope', true), '')), 12, '0')));--> statement-breakpoint
CREATE POLICY "inspection_scores_read" ON "inspection_scores" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("inspection_scores"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("inspection_scores"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "inspection_scores_insert" ON "inspection_scores" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("inspection_scores"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff')) and (starts_with("inspection_scores"."unit_code", (select nullif(current_setting('app.scope', true), ''))) and "inspection_scores"."unit_code" <> rpad((select nullif(current_setting('app.scope', true), '')), 12, '0')));