CREATE TABLE "unit_month_facts" (
	"county_id" integer NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"month" date NOT NULL,
	"source" text NOT NULL,
	"variant" text DEFAULT '' NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"days" integer DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_month_facts_county_id_month_unit_code_source_variant_pk" PRIMARY KEY("county_id","month","unit_code","source","variant"),
	CONSTRAINT "unit_month_facts_source_check" CHECK (source in ('petition', 'meeting', 'meeting-absent', 'info-adopted', 'investigation', 'dispute-found', 'dispute-settled', 'mediation', 'register'))
);
--> statement-breakpoint
ALTER TABLE "unit_month_facts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "unit_month_facts_read" ON "unit_month_facts" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("unit_month_facts"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '') in ('county_admin', 'county_staff', 'township_staff', 'village_staff')) and starts_with("unit_month_facts"."unit_code", (select nullif(current_setting('app.scope', true), ''))));