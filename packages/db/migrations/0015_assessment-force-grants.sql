-- Assessment tables: FORCE RLS and grants.
-- Drafts of rule sets are edited and may be discarded (UPDATE, DELETE; the policies reach drafts only).
-- Inspection scores and published results are insert-only: a correction is a new row.
-- Checking events are withdrawn by soft delete (UPDATE), never deleted.
ALTER TABLE "assessment_rule_sets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "inspection_scores" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "checking_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessment_results" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessment_rankings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessment_breakdowns" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "assessment_rule_sets" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "inspection_scores" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "checking_events" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "assessment_results" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "assessment_rankings" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "assessment_breakdowns" TO tally_app;
