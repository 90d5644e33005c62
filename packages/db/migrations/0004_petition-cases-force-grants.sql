-- Petition cases: FORCE RLS and the app role's grants (drizzle-kit emits neither).
ALTER TABLE "petition_cases" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_transitions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_counters" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "work_calendars" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Cases are soft-deleted (deleted_at), never removed.
GRANT SELECT, INSERT, UPDATE ON "petition_cases" TO tally_app;--> statement-breakpoint
-- The transition log is append-only.
GRANT SELECT, INSERT ON "case_transitions" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_counters" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "work_calendars" TO tally_app;
