import type { Inspection, RecordFact, ScoringEvent, UnitFacts, VetoFact } from '@tally/scoring';
import type { FactRow } from './fact-row.ts';

/** A unit being ranked: the townships of the county, or the villages of one township. */
export interface RankedUnit {
  code: string;
  name: string;
  level: 'township' | 'village';
}

/** The code prefix of a ranked unit's area. */
export function rankedScope(unit: RankedUnit): string {
  return unit.level === 'township' ? unit.code.slice(0, 9) : unit.code;
}

/**
 * Hands every fact row to the ranked unit it counts for: an "own" fact to the unit that keeps
 * the record, an "area" fact to the ranked unit whose area contains it. Facts of units not
 * being ranked (the county's own cases in a township ranking) count for nobody here. Pure.
 */
export function groupFacts(units: readonly RankedUnit[], rows: readonly FactRow[]): UnitFacts[] {
  const byScope = new Map<string, Bucket>();
  const scopeLength = units[0] ? rankedScope(units[0]).length : 12;
  for (const unit of units) {
    byScope.set(rankedScope(unit), {
      unitId: unit.code,
      category: unit.level,
      inspections: [],
      events: [],
      records: [],
      vetoes: [],
    });
  }
  for (const row of rows) {
    const target = byScope.get(row.unitCode.slice(0, scopeLength));
    // An own fact counts only for the unit that keeps the record, not for the one above it.
    if (!target || (row.attribution === 'own' && target.unitId !== row.unitCode)) continue;
    switch (row.family) {
      case 'inspection':
        target.inspections.push({ id: row.id, component: row.kind, score: row.score ?? 0, date: row.date });
        break;
      case 'event':
        target.events.push({
          id: row.id,
          kind: row.kind,
          date: row.date,
          ...(row.level === undefined ? {} : { level: row.level }),
          ...(row.count === undefined ? {} : { count: row.count }),
          ...(row.times === undefined ? {} : { times: row.times }),
        });
        break;
      case 'record':
        target.records.push({
          id: row.id,
          kind: row.kind,
          date: row.date,
          ...(row.key === undefined ? {} : { key: row.key }),
          ...(row.times === undefined ? {} : { times: row.times }),
        });
        break;
      case 'veto':
        target.vetoes.push({ id: row.id, kind: row.kind, date: row.date });
        break;
    }
  }
  return [...byScope.values()];
}

/** A unit's facts while they are collected (the engine's UnitFacts, with arrays that grow). */
interface Bucket extends UnitFacts {
  unitId: string;
  inspections: Inspection[];
  events: ScoringEvent[];
  records: RecordFact[];
  vetoes: VetoFact[];
}
