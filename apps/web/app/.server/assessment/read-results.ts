import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Transaction } from '@tally/db';
import { formatFixed } from '@tally/scoring';
import { notFound } from '../errors.ts';
import { factLink } from './fact-links.ts';
import { ruleSetById } from './rule-set-store.ts';

/** The stored explanation, read back with its shape checked (it is jsonb written by publishResult). */
const storedAssessment = z.object({
  unitId: z.string(),
  base: z.number(),
  bonusRaw: z.number(),
  bonus: z.number(),
  deductions: z.number(),
  floorAdjustment: z.number(),
  final: z.number(),
  vetoed: z.boolean(),
  commendable: z.boolean(),
  vetoFactIds: z.array(z.string()),
  lines: z.array(
    z.object({
      ruleId: z.string(),
      label: z.string(),
      points: z.number(),
      display: z.string(),
      factIds: z.array(z.string()),
      detail: z.string().optional(),
    }),
  ),
  atRisk: z.array(z.object({ ruleId: z.string(), label: z.string(), have: z.number(), need: z.number() })).optional(),
  assessedWeightPct: z.number().optional(),
});

type Header = typeof schema.assessmentResults.$inferSelect;

function headerView(row: Header) {
  return {
    id: row.id,
    year: row.year,
    period: row.period,
    scopeCode: row.scopeCode,
    rankedLevel: row.rankedLevel,
    ruleSetHash: row.ruleSetHash,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    periodClosed: row.periodClosed,
    asOf: row.asOf.toISOString(),
    publishedByName: row.publishedByName,
    supersedes: row.supersedes,
    reason: row.reason,
  };
}

/** Published results of a year the actor can read something of (a ranking, or its own breakdown), newest first. */
export async function listResults(tx: Transaction, countyId: number, year: number) {
  const r = schema.assessmentResults;
  const headers = await tx
    .select()
    .from(r)
    .where(and(eq(r.countyId, countyId), eq(r.year, year)))
    .orderBy(desc(r.asOf));
  if (headers.length === 0) return [];
  const ids = headers.map((h) => h.id);
  const [rankings, breakdowns] = await Promise.all([
    tx
      .selectDistinct({ id: schema.assessmentRankings.resultId })
      .from(schema.assessmentRankings)
      .where(and(eq(schema.assessmentRankings.countyId, countyId), inArray(schema.assessmentRankings.resultId, ids))),
    tx
      .selectDistinct({ id: schema.assessmentBreakdowns.resultId })
      .from(schema.assessmentBreakdowns)
      .where(
        and(eq(schema.assessmentBreakdowns.countyId, countyId), inArray(schema.assessmentBreakdowns.resultId, ids)),
      ),
  ]);
  const visible = new Set([...rankings, ...breakdowns].map((row) => row.id));
  const superseded = new Set(headers.map((h) => h.supersedes).filter((id): id is string => id !== null));
  // Results in force first, then the corrected ones, each newest first.
  const listed = headers
    .filter((h) => visible.has(h.id))
    .map((h) => ({ ...headerView(h), current: !superseded.has(h.id) }));
  return [...listed.filter((h) => h.current), ...listed.filter((h) => !h.current)];
}

/** A result's header, the ranking lines the actor may read, and which units' breakdowns it may open. */
export async function readResult(tx: Transaction, countyId: number, id: string) {
  const r = schema.assessmentResults;
  const [header] = await tx
    .select()
    .from(r)
    .where(and(eq(r.countyId, countyId), eq(r.id, id)));
  if (!header) throw notFound();
  const k = schema.assessmentRankings;
  const [ranking, breakdowns, successor] = await Promise.all([
    tx
      .select()
      .from(k)
      .where(and(eq(k.countyId, countyId), eq(k.resultId, id)))
      .orderBy(asc(k.rank), asc(k.unitCode)),
    tx
      .select({ unitCode: schema.assessmentBreakdowns.unitCode })
      .from(schema.assessmentBreakdowns)
      .where(and(eq(schema.assessmentBreakdowns.countyId, countyId), eq(schema.assessmentBreakdowns.resultId, id))),
    tx
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.countyId, countyId), eq(r.supersedes, id)))
      .limit(1),
  ]);
  if (ranking.length === 0 && breakdowns.length === 0) throw notFound();
  return {
    header: headerView(header),
    supersededBy: successor[0]?.id ?? null,
    ranking: ranking.map((line) => ({
      unitCode: line.unitCode,
      unitName: line.unitName,
      final: formatFixed(line.finalMilli),
      finalMilli: line.finalMilli,
      rank: line.rank,
      vetoed: line.vetoed,
    })),
    openable: breakdowns.map((row) => row.unitCode),
  };
}

/** One unit's breakdown in a published result: every line with its rule's wording and links to the records behind it. */
export async function readBreakdown(tx: Transaction, countyId: number, resultId: string, unitCode: string) {
  const b = schema.assessmentBreakdowns;
  const [row] = await tx
    .select()
    .from(b)
    .where(and(eq(b.countyId, countyId), eq(b.resultId, resultId), eq(b.unitCode, unitCode)));
  if (!row) throw notFound();
  const { header } = await readResultHeader(tx, countyId, resultId);
  const assessment = storedAssessment.parse(row.assessment);
  const ruleSet = await ruleSetById(tx, countyId, header.ruleSetId);
  const rules = new Map((ruleSet?.ruleSet.rules ?? []).map((rule) => [rule.id, rule]));
  const [unit] = await tx
    .select({ name: schema.units.name })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, countyId), eq(schema.units.code, unitCode)));
  return {
    header: headerView(header),
    unitCode,
    unitName: unit?.name ?? unitCode,
    ruleSetLabel: ruleSet?.ruleSet.label ?? '',
    totals: {
      base: formatFixed(assessment.base),
      bonusRaw: formatFixed(assessment.bonusRaw),
      bonus: formatFixed(assessment.bonus),
      deductions: formatFixed(assessment.deductions),
      floorAdjustment: formatFixed(assessment.floorAdjustment),
      final: formatFixed(assessment.final),
      vetoed: assessment.vetoed,
      commendable: assessment.commendable,
    },
    assessedWeightPct: assessment.assessedWeightPct ?? null,
    atRisk: assessment.atRisk ?? [],
    lines: assessment.lines.map((line) => ({
      ruleId: line.ruleId,
      label: line.label,
      source: rules.get(line.ruleId)?.source ?? null,
      points: line.points,
      display: line.display,
      detail: line.detail ?? null,
      facts: line.factIds.map((id) => linkedFact(id, header.year)),
    })),
    vetoFacts: assessment.vetoFactIds.map((id) => linkedFact(id, header.year)),
  };
}

/** A fact id with the page behind it and the kind of record it is, for the breakdown's links. */
function linkedFact(id: string, year: number) {
  const link = factLink(id, year);
  return { id, href: link?.href ?? null, source: link?.source ?? null };
}

async function readResultHeader(tx: Transaction, countyId: number, id: string) {
  const r = schema.assessmentResults;
  const [header] = await tx
    .select()
    .from(r)
    .where(and(eq(r.countyId, countyId), eq(r.id, id)));
  if (!header) throw notFound();
  return { header };
}
