ALTER TABLE "petition_cases" ADD COLUMN "clock_due_on" date;--> statement-breakpoint
CREATE INDEX "petition_cases_clock_due_idx" ON "petition_cases" USING btree ("county_id","clock_due_on");--> statement-breakpoint
-- Existing rows: an assigned, unreplied case runs against its handling deadline. (Unassigned
-- reception-day cases get their assignment deadline at their next transition.)
UPDATE "petition_cases" SET "clock_due_on" = "due_on" WHERE "status" IN ('assigned', 'in_progress');
