-- Reports upward: FORCE RLS, grants, and the immutability of filed versions.
-- Obligations are county data (the county admin edits them, policies say who).
-- Reports are updated in place while a draft or returned (the filing unit) and once by the review.
-- Filed versions are insert-only except the one-time review written onto them; a trigger refuses
-- any change to what was filed, so "what the village sent" can always be shown as it was sent.
ALTER TABLE "report_obligations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "report_obligations" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "reports" TO tally_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "report_versions" TO tally_app;--> statement-breakpoint
CREATE FUNCTION report_versions_keep_filed() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF (NEW.county_id, NEW.id, NEW.report_id, NEW.unit_code, NEW.parent_code, NEW.version_no, NEW.draft_version, NEW.zero,
      NEW.figures, NEW.narrative, NEW.submitted_at, NEW.submitted_by, NEW.submitted_by_name)
     IS DISTINCT FROM
     (OLD.county_id, OLD.id, OLD.report_id, OLD.unit_code, OLD.parent_code, OLD.version_no, OLD.draft_version, OLD.zero,
      OLD.figures, OLD.narrative, OLD.submitted_at, OLD.submitted_by, OLD.submitted_by_name) THEN
    RAISE EXCEPTION 'a filed report version is immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER report_versions_keep_filed BEFORE UPDATE ON "report_versions"
  FOR EACH ROW EXECUTE FUNCTION report_versions_keep_filed();
--> statement-breakpoint
-- 第一时间报告: FORCE RLS; insert-only for the app (what was reported, and when, is the record).
ALTER TABLE "immediate_reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON "immediate_reports" TO tally_app;
