ALTER TABLE "assessment_rankings" DROP CONSTRAINT "assessment_rankings_level_check";--> statement-breakpoint
ALTER TABLE "assessment_results" DROP CONSTRAINT "assessment_results_period_check";--> statement-breakpoint
ALTER TABLE "assessment_results" DROP CONSTRAINT "assessment_results_level_check";--> statement-breakpoint
ALTER TABLE "assessment_rule_sets" DROP CONSTRAINT "assessment_rule_sets_status_check";--> statement-breakpoint
ALTER TABLE "checking_events" DROP CONSTRAINT "checking_events_kind_check";--> statement-breakpoint
ALTER TABLE "inspection_scores" DROP CONSTRAINT "inspection_scores_component_check";--> statement-breakpoint
ALTER TABLE "immediate_reports" DROP CONSTRAINT "immediate_reports_kind_check";--> statement-breakpoint
ALTER TABLE "report_obligations" DROP CONSTRAINT "report_obligations_level_check";--> statement-breakpoint
ALTER TABLE "report_obligations" DROP CONSTRAINT "report_obligations_kind_check";--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_kind_check";--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_state_check";--> statement-breakpoint
ALTER TABLE "assessment_rankings" ADD CONSTRAINT "assessment_rankings_level_check" CHECK ("ranked_level" in ('township', 'village'));--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_period_check" CHECK ("period" in ('year', 'H1', 'Q1', 'Q2', 'Q3', 'Q4'));--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_level_check" CHECK ("ranked_level" in ('township', 'village'));--> statement-breakpoint
ALTER TABLE "assessment_rule_sets" ADD CONSTRAINT "assessment_rule_sets_status_check" CHECK ("status" in ('draft', 'published'));--> statement-breakpoint
ALTER TABLE "checking_events" ADD CONSTRAINT "checking_events_kind_check" CHECK ("kind" in ('night-duty-off-post', 'commendation', 'preventable-case', 'mass-incident', 'vicious-criminal-case', 'major-accident', 'disgraceful-incident'));--> statement-breakpoint
ALTER TABLE "inspection_scores" ADD CONSTRAINT "inspection_scores_component_check" CHECK ("component" in ('routine', 'half-year', 'year-end'));--> statement-breakpoint
ALTER TABLE "immediate_reports" ADD CONSTRAINT "immediate_reports_kind_check" CHECK ("event_kind" in ('mass_incident', 'major_accident', 'criminal_case', 'public_security', 'other'));--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_level_check" CHECK ("level" in ('village', 'township'));--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_kind_check" CHECK ("kind" in ('monthly', 'half_monthly', 'quarterly'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_kind_check" CHECK ("kind" in ('monthly', 'half_monthly', 'quarterly'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_state_check" CHECK ("state" in ('draft', 'submitted', 'accepted', 'returned'));