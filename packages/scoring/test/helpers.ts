import type { Inspection, RecordFact, UnitFacts } from '../src/index.ts';

/** Inspections giving a base of exactly 90: every component scored 90. */
export function inspections90(prefix: string): Inspection[] {
  return [
    { id: `${prefix}-r1`, component: 'routine', score: 90, date: '2024-03-25' },
    { id: `${prefix}-r2`, component: 'routine', score: 90, date: '2024-06-25' },
    { id: `${prefix}-r3`, component: 'routine', score: 90, date: '2024-09-25' },
    { id: `${prefix}-r4`, component: 'routine', score: 90, date: '2024-12-25' },
    { id: `${prefix}-h`, component: 'half-year', score: 90, date: '2024-07-05' },
    { id: `${prefix}-y`, component: 'year-end', score: 90, date: '2024-12-20' },
  ];
}

const REGISTERS = [
  'petitions',
  'disputes',
  'mediation',
  'investigation',
  'meetings',
  'duty',
  'publicity',
  'information',
];

/** Records meeting every quota of the default scheme (6 meetings, 6 disputes, 3 mediation files, 8 registers). */
export function quotasMet(prefix: string): RecordFact[] {
  const out: RecordFact[] = [];
  for (let i = 0; i < 6; i++)
    out.push({ id: `${prefix}-m${i}`, kind: 'meeting', date: `2024-${String(2 * i + 1).padStart(2, '0')}-10` });
  for (let i = 0; i < 6; i++)
    out.push({
      id: `${prefix}-d${i}`,
      kind: 'dispute-investigated',
      date: `2024-${String(2 * i + 1).padStart(2, '0')}-12`,
    });
  for (let i = 0; i < 3; i++) out.push({ id: `${prefix}-f${i}`, kind: 'mediation-file', date: `2024-0${i + 4}-01` });
  for (const [i, key] of REGISTERS.entries())
    out.push({ id: `${prefix}-g${i}`, kind: 'register', key, date: '2024-12-31' });
  return out;
}

/** A unit that scores exactly 90 under the default scheme, plus whatever is overridden. */
export function clean(unitId: string, extra: Partial<UnitFacts> = {}): UnitFacts {
  return { unitId, inspections: inspections90(unitId), records: quotasMet(unitId), events: [], vetoes: [], ...extra };
}
