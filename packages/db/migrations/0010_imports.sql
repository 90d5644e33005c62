CREATE TABLE "import_batches" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"register" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text,
	"byte_size" integer NOT NULL,
	"file_bytes" "bytea",
	"status" text DEFAULT 'previewing' NOT NULL,
	"headers" jsonb,
	"mapping" jsonb,
	"mapping_override" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"duplicate_rows" integer DEFAULT 0 NOT NULL,
	"failure" jsonb,
	"progress_phase" text DEFAULT 'parsing' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer,
	"inserted_count" integer,
	"skipped_count" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"committed_by" uuid,
	CONSTRAINT "import_batches_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "import_batches_status_check" CHECK ("import_batches"."status" in ('previewing', 'previewed', 'committing', 'committed', 'failed', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "import_batches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "import_rows" (
	"county_id" integer NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"outcome" text NOT NULL,
	"values" jsonb,
	"fingerprint" text,
	"errors" jsonb,
	CONSTRAINT "import_rows_county_id_batch_id_row_number_pk" PRIMARY KEY("county_id","batch_id","row_number"),
	CONSTRAINT "import_rows_outcome_check" CHECK ("import_rows"."outcome" in ('valid', 'error', 'duplicate'))
);
--> statement-breakpoint
ALTER TABLE "import_rows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_county_id_batch_id_import_batches_county_id_id_fk" FOREIGN KEY ("county_id","batch_id") REFERENCES "public"."import_batches"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batches_unit_idx" ON "import_batches" USING btree ("county_id","unit_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "import_rows_outcome_idx" ON "import_rows" USING btree ("county_id","batch_id","outcome","row_number");--> statement-breakpoint
CREATE POLICY "import_batches_read" ON "import_batches" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("import_batches"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("import_batches"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "import_batches_insert" ON "import_batches" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("import_batches"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "import_batches"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0'));--> statement-breakpoint
CREATE POLICY "import_batches_update" ON "import_batches" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("import_batches"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "import_batches"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0')) WITH CHECK ("import_batches"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "import_batches"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0'));--> statement-breakpoint
CREATE POLICY "import_rows_read" ON "import_rows" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("import_rows"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("import_rows"."unit_code", (select nullif(current_setting('app.scope', true), ''))));--> statement-breakpoint
CREATE POLICY "import_rows_insert" ON "import_rows" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("import_rows"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "import_rows"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0'));--> statement-breakpoint
CREATE POLICY "import_rows_delete" ON "import_rows" AS PERMISSIVE FOR DELETE TO "tally_app" USING ("import_rows"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and "import_rows"."unit_code" = rpad((select nullif(current_setting('app.scope', true), '')), 12, '0'));