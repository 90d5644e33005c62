/**
 * Facts: the plain records a unit is scored on. JSON-serialisable; every fact has an id so
 * explanation lines can name the records that produced them. Dates are ISO "YYYY-MM-DD"
 * strings (compared as strings, no clock involved).
 */
import { z } from 'zod';
import type { FactList } from './errors.ts';
import { isIsoDate, refuseDate } from './fact-checks.ts';

/** An inspection score entered by the checking unit, 0–100 (decimals allowed, e.g. 92.5). */
export interface Inspection {
  id: string;
  /** Component of an inspection-weights rule: "routine" | "half-year" | "year-end" in the default scheme. */
  component: string;
  score: number;
  date: string;
}

/** Something that happened: information adopted, a commendation, an absence, a petition... */
export interface ScoringEvent {
  id: string;
  kind: string;
  /** Level or variant: township/county/city/province/central, criticism/yellow-card, class-1... */
  level?: string;
  /**
   * Occurrences this event stands for: a whole number 1..MAX_COUNT, default 1 (e.g.
   * person-times of an absence). Every rule that reads it sums it the same way: per-event
   * rules with multiplier "count", tiered-count rules and quotas counted on events. A
   * per-event rule without multiplier "count" counts the event once, whatever its count.
   */
  count?: number;
  /**
   * How many events this one stands for, 1..MAX_COUNT, default 1: a per-unit-per-month
   * aggregate hands the engine one event for k alike ones, with `count` their summed count
   * (or absent when each counts once). Per-event rules without multiplier "count" count it
   * `times` times; every rule that sums counts sums `count` (default `times`). Scores equal
   * those of k separate events.
   */
  times?: number;
  date: string;
}

/** A record on a ledger, counted by quota rules (a meeting, a mediation file, a register kept...). */
export interface RecordFact {
  id: string;
  kind: string;
  /** Key for distinct counting (e.g. which of the 8 registers). */
  key?: string;
  /** How many records this one stands for (an aggregate), 1..MAX_COUNT, default 1; a distinct quota counts its key once. */
  times?: number;
  date: string;
}

/** An indicator measurement: actual = numerator ÷ denominator (e.g. 49 settled of 50). */
export interface IndicatorFact {
  id: string;
  name: string;
  numerator: number;
  denominator: number;
  date: string;
}

/** A one-vote-veto incident (mass incident, vicious criminal case, major accident, disgraceful incident). */
export interface VetoFact {
  id: string;
  kind: string;
  date: string;
}

/** Everything known about one unit for the period being scored. */
export interface UnitFacts {
  unitId: string;
  /** Unit category, matched against a rule's appliesTo (e.g. "village", "community", "department"). */
  category?: string;
  inspections?: readonly Inspection[];
  events?: readonly ScoringEvent[];
  records?: readonly RecordFact[];
  indicators?: readonly IndicatorFact[];
  vetoes?: readonly VetoFact[];
}

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be an ISO date YYYY-MM-DD');
const factId = z.string().min(1);
const milli = z
  .number()
  .refine((v) => Number.isFinite(v) && Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, 'at most 3 decimals');

/** Optional boundary validation for facts coming from outside (not used by the scoring loop). */
export const UnitFactsSchema = z.strictObject({
  unitId: z.string().min(1),
  category: z.string().min(1).optional(),
  inspections: z
    .array(z.strictObject({ id: factId, component: z.string().min(1), score: milli, date: isoDate }))
    .optional(),
  events: z
    .array(
      z.strictObject({
        id: factId,
        kind: z.string().min(1),
        level: z.string().min(1).optional(),
        count: z.number().int().positive().optional(),
        times: z.number().int().positive().optional(),
        date: isoDate,
      }),
    )
    .optional(),
  records: z
    .array(
      z.strictObject({
        id: factId,
        kind: z.string().min(1),
        key: z.string().min(1).optional(),
        times: z.number().int().positive().optional(),
        date: isoDate,
      }),
    )
    .optional(),
  indicators: z
    .array(
      z.strictObject({
        id: factId,
        name: z.string().min(1),
        numerator: z.number().int().nonnegative(),
        denominator: z.number().int().nonnegative(),
        date: isoDate,
      }),
    )
    .optional(),
  vetoes: z.array(z.strictObject({ id: factId, kind: z.string().min(1), date: isoDate })).optional(),
});
export const FactsSchema = z.array(UnitFactsSchema);

/**
 * Keeps only facts dated within [from, to] (inclusive; either bound optional). Refuses
 * (FactError, invalid-date) a fact whose date is not an ISO date: it could not be placed.
 */
export function factsInPeriod(unit: UnitFacts, to: string, from?: string): UnitFacts {
  const keep = (list: FactList) => (f: { id: string; date: string }) => {
    const d = f.date;
    if (!isIsoDate(d)) refuseDate({ unitId: unit.unitId, list, factId: f.id, ruleId: undefined }, d);
    return d <= to && (from === undefined || d >= from);
  };
  const out: UnitFacts = { unitId: unit.unitId };
  if (unit.category !== undefined) out.category = unit.category;
  if (unit.inspections) out.inspections = unit.inspections.filter(keep('inspections'));
  if (unit.events) out.events = unit.events.filter(keep('events'));
  if (unit.records) out.records = unit.records.filter(keep('records'));
  if (unit.indicators) out.indicators = unit.indicators.filter(keep('indicators'));
  if (unit.vetoes) out.vetoes = unit.vetoes.filter(keep('vetoes'));
  return out;
}
