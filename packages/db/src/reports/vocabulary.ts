/** Stored vocabularies of reports upward; the engine (@tally/reporting) owns the meaning. */
export { PERIODIC_KINDS as reportKinds, REPORTING_LEVELS as reportingLevels } from '@tally/reporting';
export const reportStates = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof reportStates)[number];
export const reviewOutcomes = ['accepted', 'returned'] as const;

/** The narrative of a periodic report: 工作开展情况, 存在问题, 下步打算. */
export interface ReportNarrative {
  work: string;
  problems: string;
  plans: string;
}
