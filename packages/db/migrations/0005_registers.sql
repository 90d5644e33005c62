CREATE TABLE "disputes" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"found_on" date NOT NULL,
	"source" text NOT NULL,
	"dispute_type" text NOT NULL,
	"parties" text NOT NULL,
	"severity" text NOT NULL,
	"summary" text NOT NULL,
	"mediator" text,
	"method" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"settled_on" date,
	"revisit_class" integer,
	"satisfaction" text,
	CONSTRAINT "disputes_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "disputes_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "disputes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "duty_logs" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"duty_on" date NOT NULL,
	"leader" text NOT NULL,
	"staff" text NOT NULL,
	"events" text,
	CONSTRAINT "duty_logs_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "duty_logs_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "duty_logs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "hazard_checks" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"checked_on" date NOT NULL,
	"place" text NOT NULL,
	"hazard" text NOT NULL,
	"rectify_by" date,
	"rectification_status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "hazard_checks_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "hazard_checks_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "hazard_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "info_submissions" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"submitted_on" date NOT NULL,
	"title" text NOT NULL,
	"adopted_level" text NOT NULL,
	CONSTRAINT "info_submissions_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "info_submissions_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "info_submissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "investigation_rounds" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"held_on" date NOT NULL,
	"scope" text NOT NULL,
	"findings_count" integer NOT NULL,
	"notes" text,
	CONSTRAINT "investigation_rounds_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "investigation_rounds_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "investigation_rounds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mediation_files" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"agreement_number" text NOT NULL,
	"signed_on" date NOT NULL,
	"dispute_id" text,
	"parties" text NOT NULL,
	"facts" text NOT NULL,
	"disputed_matters" text NOT NULL,
	"responsibilities" text NOT NULL,
	"rights_and_obligations" text NOT NULL,
	"performance" text NOT NULL,
	"mediator" text NOT NULL,
	"committee" text NOT NULL,
	CONSTRAINT "mediation_files_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "mediation_files_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "mediation_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meetings" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"topic" text,
	"attendees" text NOT NULL,
	"absentees" text,
	"absent_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meetings_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "meetings_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "publicity_records" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"fingerprint" text NOT NULL,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"held_on" date NOT NULL,
	"form" text NOT NULL,
	"audience_size" integer NOT NULL,
	"topic" text,
	CONSTRAINT "publicity_records_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "publicity_records_fingerprint_key" UNIQUE("county_id","unit_code","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "publicity_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_logs" ADD CONSTRAINT "duty_logs_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_checks" ADD CONSTRAINT "hazard_checks_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_submissions" ADD CONSTRAINT "info_submissions_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_rounds" ADD CONSTRAINT "investigation_rounds_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_files" ADD CONSTRAINT "mediation_files_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_records" ADD CONSTRAINT "publicity_records_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disputes_unit_date_idx" ON "disputes" USING btree ("county_id","unit_code" text_pattern_ops,"found_on" desc,"id");--> statement-breakpoint
CREATE INDEX "duty_logs_unit_date_idx" ON "duty_logs" USING btree ("county_id","unit_code" text_pattern_ops,"duty_on" desc,"id");--> statement-breakpoint
CREATE INDEX "hazard_checks_unit_date_idx" ON "hazard_checks" USING btree ("county_id","unit_code" text_pattern_ops,"checked_on" desc,"id");--> statement-breakpoint
CREATE INDEX "info_submissions_unit_date_idx" ON "info_submissions" USING btree ("county_id","unit_code" text_pattern_ops,"submitted_on" desc,"id");--> statement-breakpoint
CREATE INDEX "investigation_rounds_unit_date_idx" ON "investigation_rounds" USING btree ("county_id","unit_code" text_pattern_ops,"held_on" desc,"id");--> statement-breakpoint
CREATE INDEX "mediation_files_unit_date_idx" ON "mediation_files" USING btree ("county_id","unit_code" text_pattern_ops,"signed_on" desc,"id");--> statement-breakpoint
CREATE INDEX "meetings_unit_date_idx" ON "meetings" USING btree ("county_id","unit_code" text_pattern_ops,"held_on" desc,"id");--> statement-breakpoint
CREATE INDEX "publicity_records_unit_date_idx" ON "publicity_records" USING btree ("county_id","unit_code" text_pattern_ops,"held_on" desc,"id");--> statement-breakpoint
CREATE POLICY "disputes_read" ON "disputes" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("disputes"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "disputes"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "disputes_insert" ON "disputes" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("disputes"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "disputes"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "disputes_update" ON "disputes" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("disputes"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "disputes"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("disputes"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "disputes"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "duty_logs_read" ON "duty_logs" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("duty_logs"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "duty_logs"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "duty_logs_insert" ON "duty_logs" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("duty_logs"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "duty_logs"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "duty_logs_update" ON "duty_logs" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("duty_logs"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "duty_logs"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("duty_logs"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "duty_logs"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "hazard_checks_read" ON "hazard_checks" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("hazard_checks"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "hazard_checks"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "hazard_checks_insert" ON "hazard_checks" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("hazard_checks"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "hazard_checks"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "hazard_checks_update" ON "hazard_checks" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("hazard_checks"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "hazard_checks"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("hazard_checks"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "hazard_checks"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "info_submissions_read" ON "info_submissions" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("info_submissions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "info_submissions"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "info_submissions_insert" ON "info_submissions" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("info_submissions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "info_submissions"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "info_submissions_update" ON "info_submissions" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("info_submissions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "info_submissions"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("info_submissions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "info_submissions"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "investigation_rounds_read" ON "investigation_rounds" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("investigation_rounds"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "investigation_rounds"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "investigation_rounds_insert" ON "investigation_rounds" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("investigation_rounds"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "investigation_rounds"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "investigation_rounds_update" ON "investigation_rounds" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("investigation_rounds"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "investigation_rounds"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("investigation_rounds"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "investigation_rounds"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "mediation_files_read" ON "mediation_files" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("mediation_files"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "mediation_files"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "mediation_files_insert" ON "mediation_files" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("mediation_files"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "mediation_files"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "mediation_files_update" ON "mediation_files" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("mediation_files"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "mediation_files"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("mediation_files"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "mediation_files"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "meetings_read" ON "meetings" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("meetings"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "meetings"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "meetings_insert" ON "meetings" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("meetings"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "meetings"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "meetings_update" ON "meetings" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("meetings"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "meetings"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("meetings"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "meetings"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "publicity_records_read" ON "publicity_records" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("publicity_records"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "publicity_records"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "publicity_records_insert" ON "publicity_records" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("publicity_records"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "publicity_records"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "publicity_records_update" ON "publicity_records" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("publicity_records"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "publicity_records"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%') WITH CHECK ("publicity_records"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "publicity_records"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');