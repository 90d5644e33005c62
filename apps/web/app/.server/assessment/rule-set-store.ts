import { and, desc, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { parseRuleSet, type RuleSet } from '@tally/scoring';

export interface StoredRuleSet {
  id: string;
  year: number;
  status: 'draft' | 'published';
  hash: string;
  version: number;
  ruleSet: RuleSet;
  publishedAt: Date | null;
  updatedAt: Date;
}

function toStored(row: typeof schema.assessmentRuleSets.$inferSelect): StoredRuleSet {
  return {
    id: row.id,
    year: row.year,
    status: row.status,
    hash: row.contentHash,
    version: row.version,
    // Stored content was checked when written; parsing again keeps the type honest.
    ruleSet: parseRuleSet(row.content),
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
  };
}

/** The rule set in force for a year: the latest published one (null when none is published). */
export async function publishedRuleSet(tx: Transaction, countyId: number, year: number): Promise<StoredRuleSet | null> {
  const t = schema.assessmentRuleSets;
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.countyId, countyId), eq(t.year, year), eq(t.status, 'published')))
    .orderBy(desc(t.publishedAt), desc(t.createdAt))
    .limit(1);
  return row ? toStored(row) : null;
}

/** Every published rule set of a year, newest first. */
export async function publishedHistory(tx: Transaction, countyId: number, year: number): Promise<StoredRuleSet[]> {
  const t = schema.assessmentRuleSets;
  const rows = await tx
    .select()
    .from(t)
    .where(and(eq(t.countyId, countyId), eq(t.year, year), eq(t.status, 'published')))
    // Drafts are one at a time, so the one created later was published later (also when two share a publishing instant).
    .orderBy(desc(t.publishedAt), desc(t.createdAt));
  return rows.map(toStored);
}

export async function draftRuleSet(
  tx: Transaction,
  countyId: number,
  year: number,
  lock = false,
): Promise<StoredRuleSet | null> {
  const t = schema.assessmentRuleSets;
  const query = tx
    .select()
    .from(t)
    .where(and(eq(t.countyId, countyId), eq(t.year, year), eq(t.status, 'draft')));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toStored(row) : null;
}

export async function ruleSetById(tx: Transaction, countyId: number, id: string): Promise<StoredRuleSet | null> {
  const t = schema.assessmentRuleSets;
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.countyId, countyId), eq(t.id, id)));
  return row ? toStored(row) : null;
}
