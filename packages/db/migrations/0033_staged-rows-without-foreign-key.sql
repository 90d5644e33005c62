ALTER TABLE "import_rows" DROP CONSTRAINT "import_rows_county_id_batch_id_import_batches_county_id_id_fk";
--> statement-breakpoint
DROP INDEX "import_rows_outcome_idx";--> statement-breakpoint
CREATE INDEX "import_rows_refused_idx" ON "import_rows" USING btree ("county_id","batch_id","outcome","row_number") WHERE "import_rows"."outcome" <> 'valid';