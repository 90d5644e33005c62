import { and, count, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { disputeFigures, shanghaiDate } from '@tally/casework';
import type { ReportPeriod } from '@tally/reporting';
import { schema, type Transaction } from '@tally/db';
import { registerKeys, type RegisterKey } from '@tally/db/registers';
import { registerTable } from '../registers/register-table.ts';
import { unitFigures } from '../services/case-figures.ts';

/**
 * The figures a periodic report is prefilled with: counts only, never a name, so they may be
 * shown to every unit above. What the unit's own ledgers hold for the period (rows dated in it):
 * counts by register, disputes by severity and outcome, petition cases received, unique,
 * closed and overdue, and the mediation success rate.
 */
export interface LedgerFigures {
  registers: Record<RegisterKey, number>;
  disputes: {
    total: number;
    minor: number;
    ordinary: number;
    major: number;
    mediated: number;
    settled: number;
    successRate: string;
  };
  cases: { received: number; uniqueCases: number; closed: number; overdue: number };
}

/** A township's report also carries what its villages filed. */
export interface ReportFigures extends LedgerFigures {
  villages?: {
    accepted: number;
    /** Sum of the accepted village reports' own figures. */
    totals: LedgerFigures | null;
    missing: { code: string; name: string }[];
    late: { code: string; name: string }[];
  };
}

/** Figures of the unit's own ledgers only (not the units below it): rows kept at exactly this unit. */
export async function ledgerFigures(
  tx: Transaction,
  countyId: number,
  unitCode: string,
  period: ReportPeriod,
  now: Date,
): Promise<LedgerFigures> {
  const registers = {} as Record<RegisterKey, number>;
  for (const key of registerKeys) {
    const reg = registerTable(key);
    const { unitCode: unitColumn, countyId: countyColumn, deletedAt: deletedColumn } = reg.ledger;
    const [row] = await tx
      .select({ n: count() })
      .from(reg.table)
      .where(
        and(
          eq(countyColumn, countyId),
          eq(unitColumn, unitCode),
          isNull(deletedColumn),
          gte(reg.dateColumn, period.start),
          lte(reg.dateColumn, period.end),
        ),
      );
    registers[key] = Number(row?.n ?? 0);
  }
  const d = schema.disputes;
  const mediated = sql<boolean>`(${d.method} is not null)`;
  const groups = await tx
    .select({ severity: d.severity, mediated, outcome: d.outcome, satisfaction: d.satisfaction, n: count() })
    .from(d)
    .where(
      and(
        eq(d.countyId, countyId),
        eq(d.unitCode, unitCode),
        isNull(d.deletedAt),
        gte(d.foundOn, period.start),
        lte(d.foundOn, period.end),
      ),
    )
    .groupBy(d.severity, mediated, d.outcome, d.satisfaction);
  const disputes = disputeFigures(
    groups.map((g) => ({
      severity: g.severity,
      mediated: Boolean(g.mediated),
      outcome: g.outcome,
      satisfaction: g.satisfaction,
      count: Number(g.n),
    })),
  );
  // A 12-digit code is its own scope: read as a "village", unitFigures counts this unit's cases only.
  const cases = await unitFigures(
    tx,
    countyId,
    { code: unitCode, level: 'village' },
    { from: period.start, to: period.end },
  );
  const overdue = await overdueCases(tx, countyId, unitCode, period, now);
  return {
    registers,
    disputes: {
      total: disputes.total,
      minor: disputes.bySeverity.minor,
      ordinary: disputes.bySeverity.ordinary,
      major: disputes.bySeverity.major,
      mediated: disputes.participation.rate.numerator,
      settled: disputes.byOutcome.settled,
      successRate: disputes.success.rate.display,
    },
    cases: { received: cases.received, uniqueCases: cases.uniqueCases, closed: cases.closed, overdue },
  };
}

/** Cases received in the period at this unit that were past their due day unclosed, at the period's end or now if earlier. */
async function overdueCases(
  tx: Transaction,
  countyId: number,
  unitCode: string,
  period: ReportPeriod,
  now: Date,
): Promise<number> {
  const c = schema.petitionCases;
  const today = shanghaiDate(now);
  const asOf = today < period.end ? today : period.end;
  const [row] = await tx
    .select({ n: count() })
    .from(c)
    .where(
      and(
        eq(c.countyId, countyId),
        isNull(c.deletedAt),
        sql`(${c.registeredUnitCode} = ${unitCode} or ${c.unitCode} = ${unitCode})`,
        sql`(${c.receivedAt} at time zone 'Asia/Shanghai')::date between ${period.start}::date and ${period.end}::date`,
        sql`${c.dueOn} < ${asOf}::date`,
        sql`(${c.closedAt} is null or (${c.closedAt} at time zone 'Asia/Shanghai')::date > ${c.dueOn})`,
      ),
    );
  return Number(row?.n ?? 0);
}

const count0 = z.number().int().min(0);
/** The stored shape, checked when figures are read back from jsonb. */
const ledgerFiguresSchema = z.object({
  registers: z.record(z.string(), count0),
  disputes: z.object({
    total: count0,
    minor: count0,
    ordinary: count0,
    major: count0,
    mediated: count0,
    settled: count0,
    successRate: z.string(),
  }),
  cases: z.object({ received: count0, uniqueCases: count0, closed: count0, overdue: count0 }),
});

/** Stored figures read back, or null when the jsonb does not hold figures of this shape. */
export function readFigures(value: unknown): LedgerFigures | null {
  const parsed = ledgerFiguresSchema.safeParse(value);
  if (!parsed.success) return null;
  const registers = Object.fromEntries(registerKeys.map((key) => [key, parsed.data.registers[key] ?? 0])) as Record<
    RegisterKey,
    number
  >;
  return { registers, disputes: parsed.data.disputes, cases: parsed.data.cases };
}

/** Sum of several units' figures (the accepted village reports of a township). */
export function sumFigures(list: readonly LedgerFigures[]): LedgerFigures | null {
  if (list.length === 0) return null;
  const registers = Object.fromEntries(
    registerKeys.map((key) => [key, list.reduce((s, f) => s + (f.registers[key] ?? 0), 0)]),
  ) as Record<RegisterKey, number>;
  const add = <K extends string>(pick: (f: LedgerFigures) => Record<K, number | string>, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, list.reduce((s, f) => s + Number(pick(f)[k] ?? 0), 0)])) as Record<
      K,
      number
    >;
  const disputes = add((f) => f.disputes, ['total', 'minor', 'ordinary', 'major', 'mediated', 'settled'] as const);
  const cases = add((f) => f.cases, ['received', 'uniqueCases', 'closed', 'overdue'] as const);
  return { registers, disputes: { ...disputes, successRate: '—' }, cases };
}

/** Register keys with at least one row in the period: what a zero report would wrongly deny. */
export function recordsHeld(figures: LedgerFigures): { source: string; count: number }[] {
  const held: { source: string; count: number }[] = [];
  for (const key of registerKeys)
    if (figures.registers[key] > 0) held.push({ source: key, count: figures.registers[key] });
  if (figures.cases.received > 0) held.push({ source: 'petition_cases', count: figures.cases.received });
  return held;
}
