import type { CivilDate } from '@tally/casework';

/**
 * One scoring fact as the records give it, before it is grouped by assessed unit. Facts are
 * never stored: every read derives them from the records, so a changed record changes its fact
 * and a soft-deleted one withdraws it, in the same instant (docs/assessment.md).
 */
export type FactFamily = 'event' | 'record' | 'veto' | 'inspection';

/**
 * own: counts for the unit that keeps the record (its meetings, its duty log).
 * area: counts for every unit whose area contains it (a collective petition from a village
 * counts against the village and against its township: 属地管理).
 */
export type Attribution = 'own' | 'area';

export interface FactRow {
  family: FactFamily;
  /** `<source>:<id>`: names the record that caused the fact (see fact-links.ts). */
  id: string;
  /** The engine's kind; for inspections the component. */
  kind: string;
  unitCode: string;
  attribution: Attribution;
  date: CivilDate;
  level?: string;
  count?: number;
  /** How many alike records this fact stands for (a row of unit_month_facts); 1 when absent. */
  times?: number;
  /** Distinct key of a record fact (which register was kept). */
  key?: string;
  /** Inspection score, 0–100. */
  score?: number;
}
