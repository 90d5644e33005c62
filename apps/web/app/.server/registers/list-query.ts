import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@tally/db';
import { z } from 'zod';
import { UserFacingError } from '../errors.ts';
import { civilDate, ordered, orderedIssue } from '../services/period-input.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { inScope, listScope } from '../services/unit-scope.ts';
import type { Cursor } from './cursor.ts';
import type { RegisterTable } from './register-table.ts';

/** What narrows a register list; the same filters drive the export. */
export const listFilters = z.object({
  /** A unit in the actor's scope: that unit and everything below it. */
  unitCode: unitCodeInput.optional(),
  /** Dates that exist: 2024-02-30 is refused here, naming the field, not by Postgres as a 500. */
  from: civilDate.optional(),
  to: civilDate.optional(),
  /** Words in the register's non-personal text fields (and its free text, in the actor's own rows). */
  q: z.string().trim().max(50).optional(),
  /** Enumerated field → one of its values. */
  filters: z.record(z.string().max(40), z.string().max(40)).optional(),
});
export type ListFilters = z.infer<typeof listFilters>;

/** A list's filters with the period checked in order; applied after each procedure extends the filters. */
export const orderedFilters = <T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(
  schema: T,
) => schema.refine(ordered, orderedIssue);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Filters as SQL, with every field name and enum value checked against the definition. */
export function listCondition(register: RegisterTable, actor: Actor, input: ListFilters): SQL {
  const { columns, ledger, dateColumn, def } = register;
  const conditions: (SQL | undefined)[] = [
    eq(ledger.countyId, actor.countyId),
    inScope(ledger.unitCode, listScope(actor, input.unitCode)),
    isNull(ledger.deletedAt),
    input.from ? sql`${dateColumn} >= ${input.from}` : undefined,
    input.to ? sql`${dateColumn} <= ${input.to}` : undefined,
  ];
  for (const [key, value] of Object.entries(input.filters ?? {})) {
    if (value === '') continue;
    const field = def.fields.find((candidate) => candidate.key === key && candidate.type === 'enum');
    const option = field?.enum?.find((candidate) => candidate.value === value);
    if (!field || !option) throw new UserFacingError('BAD_REQUEST', 'error.validation', { field: key });
    conditions.push(eq(columns[key]!, field.integerValues ? Number(value) : value));
  }
  if (input.q) {
    // A search must not reveal what masking hides: personal fields are not searched, and
    // free text only in the rows the actor's own unit keeps (where it is shown in full).
    const searchable = def.fields.filter((field) => field.type === 'text' && !field.personal);
    const ownText = def.fields.filter((field) => field.type === 'text' && field.masking === 'free-text');
    const pattern = `%${escapeLike(input.q)}%`;
    conditions.push(
      or(
        ...searchable.map((field) => ilike(columns[field.key]!, pattern)),
        ownText.length
          ? and(eq(ledger.unitCode, actor.unitCode), or(...ownText.map((field) => ilike(columns[field.key]!, pattern))))
          : undefined,
      ),
    );
  }
  return and(...conditions)!;
}

/**
 * Rows after or before a cursor in list order (date newest first, then id, both
 * descending), as one row comparison: Postgres turns it into an index range on
 * `(county_id, unit_code, date desc, id desc)` and `(county_id, date desc, id desc)`.
 */
export function cursorCondition(register: RegisterTable, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const { dateColumn, ledger } = register;
  const { id } = ledger;
  return cursor.direction === 'after'
    ? sql`(${dateColumn}, ${id}) < (${cursor.date}::date, ${cursor.id}::uuid)`
    : sql`(${dateColumn}, ${id}) > (${cursor.date}::date, ${cursor.id}::uuid)`;
}

export function listOrder(register: RegisterTable, direction: Cursor['direction']) {
  const { dateColumn, ledger } = register;
  return direction === 'after' ? [desc(dateColumn), desc(ledger.id)] : [asc(dateColumn), asc(ledger.id)];
}
