-- Import batches and their staged rows: FORCE RLS and grants.
-- Batches are never deleted (cancelled is a status, the audit trail points at them): no DELETE.
-- Staged rows are replaced when the preview is re-run with another mapping and dropped on cancel: DELETE.
ALTER TABLE "import_batches" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_rows" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "import_batches" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "import_rows" TO tally_app;
