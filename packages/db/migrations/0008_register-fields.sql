ALTER TABLE "disputes" ALTER COLUMN "source" SET DEFAULT 'investigation';--> statement-breakpoint
ALTER TABLE "info_submissions" ALTER COLUMN "adopted_level" SET DEFAULT 'none';--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "party_id_number" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "party_phone" text;--> statement-breakpoint
ALTER TABLE "duty_logs" ADD COLUMN "handling" text;--> statement-breakpoint
ALTER TABLE "hazard_checks" ADD COLUMN "responsible" text;--> statement-breakpoint
ALTER TABLE "info_submissions" ADD COLUMN "submitter" text;--> statement-breakpoint
ALTER TABLE "investigation_rounds" ADD COLUMN "investigator" text;--> statement-breakpoint
ALTER TABLE "mediation_files" ADD COLUMN "party_id_number" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "host" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "decisions" text;--> statement-breakpoint
ALTER TABLE "publicity_records" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_source_check" CHECK ("source" in ('investigation', 'visit', 'referral'));--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_dispute_type_check" CHECK ("dispute_type" in ('marriage_family', 'neighbours', 'compensation', 'labour', 'property_management', 'land', 'forest_rights', 'requisition', 'other'));--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_severity_check" CHECK ("severity" in ('minor', 'ordinary', 'major'));--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_method_check" CHECK ("method" in ('people', 'administrative', 'judicial'));--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_outcome_check" CHECK ("outcome" in ('pending', 'settled', 'failed'));--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_satisfaction_check" CHECK ("satisfaction" in ('satisfied', 'basically', 'not'));--> statement-breakpoint
ALTER TABLE "hazard_checks" ADD CONSTRAINT "hazard_checks_rectification_status_check" CHECK ("rectification_status" in ('open', 'in_progress', 'rectified'));--> statement-breakpoint
ALTER TABLE "info_submissions" ADD CONSTRAINT "info_submissions_adopted_level_check" CHECK ("adopted_level" in ('none', 'township', 'county', 'city', 'province', 'central'));--> statement-breakpoint
ALTER TABLE "investigation_rounds" ADD CONSTRAINT "investigation_rounds_scope_check" CHECK ("scope" in ('routine', 'key_period', 'special'));--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_kind_check" CHECK ("kind" in ('director_weekly', 'member_monthly', 'joint'));--> statement-breakpoint
ALTER TABLE "publicity_records" ADD CONSTRAINT "publicity_records_form_check" CHECK ("form" in ('broadcast', 'leaflets', 'lecture', 'banner', 'online', 'other'));