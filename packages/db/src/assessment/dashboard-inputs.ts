/** The nine base tables whose records the `unit_month_facts` triggers turn into monthly facts. */
export const aggregateBaseTables = [
  'petition_cases',
  'investigation_rounds',
  'meetings',
  'duty_logs',
  'publicity_records',
  'info_submissions',
  'hazard_checks',
  'disputes',
  'mediation_files',
] as const;

/**
 * Every table whose rows a dashboard ranking or score trend reads (the records behind the facts,
 * the hand-entered checking inputs, the reports-upward cells and obligations, the calendar, the
 * units, the rule sets and published results). Each carries the statement-level triggers that bump
 * `dashboard_data_versions` (migration dashboard-result-cache); a test holds the migration's
 * triggers equal to this list, so a new input table without the bump fails it.
 */
export const dashboardInputTables = [
  ...aggregateBaseTables,
  // Read beside the aggregates.
  'inspection_scores',
  'checking_events',
  'reports',
  'report_obligations',
  'work_calendars',
  'units',
  'assessment_rule_sets',
  'assessment_results',
  'assessment_rankings',
  'assessment_breakdowns',
] as const;
