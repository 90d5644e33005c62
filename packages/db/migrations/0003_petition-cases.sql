CREATE TABLE "case_counters" (
	"county_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "case_counters_county_id_year_pk" PRIMARY KEY("county_id","year")
);
--> statement-breakpoint
ALTER TABLE "case_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"county_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "case_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"registered_unit_code" varchar(12) NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"detail" jsonb,
	CONSTRAINT "case_transitions_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_transitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "petition_cases" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"registered_unit_code" varchar(12) NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"people_count" integer DEFAULT 1 NOT NULL,
	"person_times" integer DEFAULT 1 NOT NULL,
	"skip_level" boolean DEFAULT false NOT NULL,
	"repeat_petition" boolean DEFAULT false NOT NULL,
	"duplicate_of" uuid,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"complexity" text,
	"assigned_person" text,
	"assigned_on" date,
	"due_on" date,
	"satisfaction" text,
	"closed_at" timestamp with time zone,
	"lead_leader" text,
	"responsible_unit" text,
	"responsible_person" text,
	"supervising_unit" text,
	"supervisor" text,
	"responsibility_deadline" date,
	"flagged" boolean DEFAULT false NOT NULL,
	"petitioner_name" text NOT NULL,
	"petitioner_id_number" text,
	"petitioner_phone" text,
	"petitioner_address" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_cases_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "petition_cases_number_key" UNIQUE("county_id","case_number")
);
--> statement-breakpoint
ALTER TABLE "petition_cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_calendars" (
	"county_id" integer NOT NULL,
	"year" integer NOT NULL,
	"holidays" jsonb NOT NULL,
	"makeup_workdays" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_calendars_county_id_year_pk" PRIMARY KEY("county_id","year")
);
--> statement-breakpoint
ALTER TABLE "work_calendars" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_county_id_case_id_petition_cases_county_id_id_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."petition_cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_cases" ADD CONSTRAINT "petition_cases_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_cases" ADD CONSTRAINT "petition_cases_county_id_registered_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","registered_unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_transitions_case_idx" ON "case_transitions" USING btree ("county_id","case_id","id");--> statement-breakpoint
CREATE INDEX "petition_cases_unit_idx" ON "petition_cases" USING btree ("county_id","unit_code" text_pattern_ops,"received_at");--> statement-breakpoint
CREATE INDEX "petition_cases_registered_unit_idx" ON "petition_cases" USING btree ("county_id","registered_unit_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "petition_cases_due_idx" ON "petition_cases" USING btree ("county_id","due_on");--> statement-breakpoint
CREATE POLICY "case_counters_use" ON "case_counters" AS PERMISSIVE FOR ALL TO "tally_app" USING ("case_counters"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) WITH CHECK ("case_counters"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff'));--> statement-breakpoint
CREATE POLICY "case_transitions_read" ON "case_transitions" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("case_transitions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and ("case_transitions"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' or "case_transitions"."registered_unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%'));--> statement-breakpoint
CREATE POLICY "case_transitions_append" ON "case_transitions" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("case_transitions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and ("case_transitions"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' or "case_transitions"."registered_unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%'));--> statement-breakpoint
CREATE POLICY "petition_cases_read" ON "petition_cases" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("petition_cases"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and ("petition_cases"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' or "petition_cases"."registered_unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%'));--> statement-breakpoint
CREATE POLICY "petition_cases_insert" ON "petition_cases" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("petition_cases"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and "petition_cases"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' and "petition_cases"."registered_unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "petition_cases_update" ON "petition_cases" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("petition_cases"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and ("petition_cases"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' or "petition_cases"."registered_unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%')) WITH CHECK ("petition_cases"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'county_staff', 'township_staff', 'village_staff') and ("petition_cases"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' or "petition_cases"."registered_unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%'));--> statement-breakpoint
CREATE POLICY "work_calendars_read" ON "work_calendars" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("work_calendars"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int));--> statement-breakpoint
CREATE POLICY "work_calendars_write" ON "work_calendars" AS PERMISSIVE FOR ALL TO "tally_app" USING ("work_calendars"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin')) WITH CHECK ("work_calendars"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin'));