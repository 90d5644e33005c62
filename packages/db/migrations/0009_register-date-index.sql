CREATE INDEX "disputes_county_date_idx" ON "disputes" USING btree ("county_id","found_on" desc,"id");--> statement-breakpoint
CREATE INDEX "duty_logs_county_date_idx" ON "duty_logs" USING btree ("county_id","duty_on" desc,"id");--> statement-breakpoint
CREATE INDEX "hazard_checks_county_date_idx" ON "hazard_checks" USING btree ("county_id","checked_on" desc,"id");--> statement-breakpoint
CREATE INDEX "info_submissions_county_date_idx" ON "info_submissions" USING btree ("county_id","submitted_on" desc,"id");--> statement-breakpoint
CREATE INDEX "investigation_rounds_county_date_idx" ON "investigation_rounds" USING btree ("county_id","held_on" desc,"id");--> statement-breakpoint
CREATE INDEX "mediation_files_county_date_idx" ON "mediation_files" USING btree ("county_id","signed_on" desc,"id");--> statement-breakpoint
CREATE INDEX "meetings_county_date_idx" ON "meetings" USING btree ("county_id","held_on" desc,"id");--> statement-breakpoint
CREATE INDEX "publicity_records_county_date_idx" ON "publicity_records" USING btree ("county_id","held_on" desc,"id");