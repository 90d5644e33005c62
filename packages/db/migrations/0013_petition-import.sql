ALTER TABLE "petition_cases" ADD COLUMN "import_fingerprint" text;--> statement-breakpoint
ALTER TABLE "petition_cases" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "petition_cases" ADD CONSTRAINT "petition_cases_import_key" UNIQUE("county_id","registered_unit_code","import_fingerprint");