-- Registers: FORCE RLS and grants. Rows are soft-deleted (deleted_at): no DELETE grant.
ALTER TABLE "investigation_rounds" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "meetings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "duty_logs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "publicity_records" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "info_submissions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "hazard_checks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "disputes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mediation_files" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "investigation_rounds" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "meetings" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "duty_logs" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "publicity_records" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "info_submissions" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "hazard_checks" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "disputes" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "mediation_files" TO tally_app;
