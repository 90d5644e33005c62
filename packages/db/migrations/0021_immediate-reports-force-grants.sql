-- 第一时间报告: FORCE RLS; insert-only for the app (what was reported, and when, is the record).
ALTER TABLE "immediate_reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON "immediate_reports" TO tally_app;
