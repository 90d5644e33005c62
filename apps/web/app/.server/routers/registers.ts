import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { caseDataRoles, schema, type Transaction } from '@tally/db';
import { registerKeys, type RegisterKey } from '@tally/db/registers';
import { rowFingerprint, validateRecord, type RowValues } from '@tally/imports';
import { isUniqueViolation } from '../db-errors.ts';
import { FieldRefusal, UserFacingError, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../registers/cursor.ts';
import { cursorCondition, listCondition, listFilters, listOrder, orderedFilters } from '../registers/list-query.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { inActorScope } from '../services/unit-scope.ts';
import { registerTable, type RegisterTable } from '../registers/register-table.ts';
import { shapeRow, type RegisterRow } from '../registers/rows.ts';
import { auditChange, roleProcedure, router, type AuthedContext } from '../trpc.ts';

const registerKey = z.enum(registerKeys as [RegisterKey, ...RegisterKey[]]);
/** Form input: every field as the clerk typed it; checked by the register's own rules. */
const formValues = z.record(z.string().max(40), z.string().max(5000));
/**
 * Lists count exactly up to this many rows and say "more than" beyond: a county-wide
 * count of 100,000 rows costs more than the page itself, and no clerk pages that far.
 */
export const COUNT_LIMIT = 10_000;

/** The most rows one export writes: a county-year of the busiest register fits with room. */
export const EXPORT_ROW_LIMIT = 200_000;
/** Rows per page of an export: large enough that 200,000 rows are 100 queries, small enough to hold. */
export const EXPORT_PAGE_SIZE = 2_000;

function selection(register: RegisterTable) {
  return { ...register.columns, unitName: schema.units.name };
}

function joinUnits(register: RegisterTable) {
  return and(eq(schema.units.countyId, register.columns.countyId!), eq(schema.units.code, register.columns.unitCode!));
}

type SelectedRow = Record<string, unknown> & {
  id: string;
  unitCode: string;
  updatedAt: Date;
  importId: string | null;
  unitName: string;
};

/** One row of a register by id, in the actor's county. */
function rowKey(ctx: AuthedContext, register: RegisterTable, id: string) {
  return and(eq(register.columns.countyId!, ctx.actor.countyId), eq(register.columns.id!, id));
}

async function findRow(
  tx: Transaction,
  ctx: AuthedContext,
  register: RegisterTable,
  id: string,
  lock = false,
): Promise<SelectedRow> {
  const where = and(
    rowKey(ctx, register, id),
    isNull(register.columns.deletedAt!),
    inActorScope(register.columns.unitCode!, ctx.actor),
  );
  const query = tx
    .select(selection(register))
    .from(register.table)
    .innerJoin(schema.units, joinUnits(register))
    .where(where);
  const [row] = (lock ? await query.for('update', { of: register.table }) : await query) as unknown as SelectedRow[];
  if (!row) throw notFound();
  return row;
}

/**
 * The row an edit or delete is about, locked: only the unit that keeps a register writes to
 * it (docs/domain.md §2), and only the version the clerk opened (someone may have saved since).
 */
async function lockOwnRow(
  tx: Transaction,
  ctx: AuthedContext,
  register: RegisterTable,
  id: string,
  openedVersion: string,
): Promise<SelectedRow> {
  const row = await findRow(tx, ctx, register, id, true);
  if (row.unitCode !== ctx.actor.unitCode) throw new UserFacingError('FORBIDDEN', 'error.register.notOwnUnit');
  if (row.updatedAt.toISOString() !== new Date(openedVersion).toISOString())
    throw new UserFacingError('CONFLICT', 'error.register.stale');
  return row;
}

/** The register's own rules (the import's), at the moment of the post; refusals keep their field. */
function checkedValues(register: RegisterTable, input: Record<string, string>, now: Date): RowValues {
  const result = validateRecord(register.def, input, { now });
  if (result.ok) return result.values;
  throw new FieldRefusal(result.errors.map(({ field, zh, en }) => ({ field, zh, en })));
}

/** The same row twice in one unit is refused here as the import skips it: one fingerprint per unit. */
async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError('CONFLICT', 'error.register.duplicate');
    throw error;
  }
}

export const registersRouter = router({
  /** How many live rows each register holds in the actor's scope: the registers' front page. */
  overview: roleProcedure(...caseDataRoles)
    .input(z.object({ unitCode: unitCodeInput.optional() }).default({}))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const counts = await Promise.all(
          registerKeys.map(async (key) => {
            const register = registerTable(key);
            const [row] = await tx
              .select({ n: count() })
              .from(register.table)
              .where(listCondition(register, ctx.actor, { unitCode: input.unitCode }));
            return [key, row?.n ?? 0] as const;
          }),
        );
        return Object.fromEntries(counts) as Record<RegisterKey, number>;
      }),
    ),

  /** One page in date order, newest first, with the total; keyset-paged so deep pages stay cheap. */
  list: roleProcedure(...caseDataRoles)
    .input(
      orderedFilters(
        listFilters.extend({
          register: registerKey,
          cursor: z.string().max(80).optional(),
          pageSize: z.number().int().min(1).max(100).default(20),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const register = registerTable(input.register);
        const cursor = decodeCursor(input.cursor);
        const direction = cursor?.direction ?? 'after';
        const where = listCondition(register, ctx.actor, input);
        const [found, [total]] = await Promise.all([
          tx
            .select(selection(register))
            .from(register.table)
            .innerJoin(schema.units, joinUnits(register))
            .where(and(where, cursorCondition(register, cursor)))
            .orderBy(...listOrder(register, direction))
            .limit(input.pageSize + 1) as unknown as Promise<SelectedRow[]>,
          tx.select({ n: count() }).from(
            tx
              .select({ one: sql`1` })
              .from(register.table)
              .where(where)
              .limit(COUNT_LIMIT + 1)
              .as('capped'),
          ),
        ]);
        const more = found.length > input.pageSize;
        const page = found.slice(0, input.pageSize);
        if (direction === 'before') page.reverse();
        const rows: RegisterRow[] = page.map((row) => shapeRow(register, row, row.unitName, ctx.actor));
        const dateKey = register.def.fields[0]!.key;
        const edge = (row: RegisterRow | undefined, to: 'after' | 'before') =>
          row ? encodeCursor({ direction: to, date: String(row.values[dateKey]), id: row.id }) : null;
        const counted = total?.n ?? 0;
        return {
          total: Math.min(counted, COUNT_LIMIT),
          /** True when there are more rows than `total` says. */
          totalIsLowerBound: counted > COUNT_LIMIT,
          rows,
          next: (direction === 'after' ? more : cursor !== null) ? edge(rows.at(-1), 'after') : null,
          previous: (direction === 'before' ? more : cursor !== null) ? edge(rows[0], 'before') : null,
        };
      }),
    ),

  get: roleProcedure(...caseDataRoles)
    .input(z.object({ register: registerKey, id: z.string().uuid() }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const register = registerTable(input.register);
        const row = await findRow(tx, ctx, register, input.id);
        return shapeRow(register, row, row.unitName, ctx.actor);
      }),
    ),

  /** Personal data in full above the keeping unit: allowed in scope, always audited (§8). */
  reveal: roleProcedure(...caseDataRoles)
    .input(z.object({ register: registerKey, id: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const register = registerTable(input.register);
        const row = await findRow(tx, ctx, register, input.id);
        await auditChange(tx, ctx, { action: 'registers.reveal', objectType: input.register, objectId: row.id });
        const personal = register.def.fields.filter((field) => field.personal);
        return Object.fromEntries(personal.map((field) => [field.key, row[field.key] ?? null]));
      }),
    ),

  /** A record typed in at the actor's own unit. */
  create: roleProcedure(...caseDataRoles)
    .input(z.object({ register: registerKey, values: formValues }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const register = registerTable(input.register);
        const values = checkedValues(register, input.values, ctx.now);
        const fingerprint = rowFingerprint(register.def, values);
        const [created] = await refusingDuplicates(
          () =>
            tx
              .insert(register.table)
              .values({
                ...values,
                countyId: ctx.actor.countyId,
                unitCode: ctx.actor.unitCode,
                fingerprint,
                createdBy: ctx.actor.userId,
              } as never)
              .returning({ id: register.columns.id! }) as unknown as Promise<Array<{ id: string }>>,
        );
        await auditChange(tx, ctx, { action: 'registers.create', objectType: input.register, objectId: created!.id });
        return { id: created!.id };
      }),
    ),

  /** Edit a record of the actor's own unit; refused when someone saved it since it was opened. */
  update: roleProcedure(...caseDataRoles)
    .input(
      z.object({ register: registerKey, id: z.string().uuid(), updatedAt: z.string().datetime(), values: formValues }),
    )
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const register = registerTable(input.register);
        const row = await lockOwnRow(tx, ctx, register, input.id, input.updatedAt);
        const values = checkedValues(register, input.values, ctx.now);
        const changed = register.def.fields
          .filter((field) => String(row[field.key] ?? '') !== String(values[field.key] ?? ''))
          .map((field) => field.key);
        await refusingDuplicates(() =>
          tx
            .update(register.table)
            .set({ ...values, fingerprint: rowFingerprint(register.def, values), updatedAt: ctx.now } as never)
            .where(rowKey(ctx, register, row.id)),
        );
        // Field names only: the audit log must not become a second copy of personal data.
        await auditChange(tx, ctx, {
          action: 'registers.update',
          objectType: input.register,
          objectId: row.id,
          detail: { changed },
        });
        return { id: row.id };
      }),
    ),

  /** Soft delete: the row leaves every list and export but stays on file, and the deletion is audited. */
  remove: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        register: registerKey,
        id: z.string().uuid(),
        updatedAt: z.string().datetime(),
        reason: z.string().trim().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const register = registerTable(input.register);
        const row = await lockOwnRow(tx, ctx, register, input.id, input.updatedAt);
        await tx
          .update(register.table)
          .set({ deletedAt: ctx.now, updatedAt: ctx.now } as never)
          .where(rowKey(ctx, register, row.id));
        await auditChange(tx, ctx, {
          action: 'registers.remove',
          objectType: input.register,
          objectId: row.id,
          detail: { reason: input.reason ?? null },
        });
        return { id: row.id };
      }),
    ),

  /**
   * A filtered list for a spreadsheet, one keyset page at a time (the export streams the
   * pages into the file, so no request holds 200,000 rows). The first call (no cursor)
   * refuses an export over the limit and is audited with the filters and the row count;
   * the pages after it show no more than the list does. Personal fields are filled only
   * for rows the actor's own unit keeps; an export made above it carries none (§8).
   */
  exportRows: roleProcedure(...caseDataRoles)
    .input(
      orderedFilters(
        listFilters.extend({
          register: registerKey,
          cursor: z.string().max(80).optional(),
          pageSize: z.number().int().min(1).max(EXPORT_PAGE_SIZE).default(EXPORT_PAGE_SIZE),
        }),
      ),
    )
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const register = registerTable(input.register);
        const where = listCondition(register, ctx.actor, input);
        const cursor = decodeCursor(input.cursor);
        if (input.cursor !== undefined && cursor?.direction !== 'after')
          throw new UserFacingError('BAD_REQUEST', 'error.invalidValue');
        if (!cursor) {
          const [total] = await tx.select({ n: count() }).from(register.table).where(where);
          if ((total?.n ?? 0) > EXPORT_ROW_LIMIT)
            throw new UserFacingError('BAD_REQUEST', 'error.register.exportTooLarge', {
              limit: EXPORT_ROW_LIMIT,
              rows: total!.n,
            });
          await auditChange(tx, ctx, {
            action: 'registers.export',
            objectType: input.register,
            objectId: input.unitCode ?? ctx.actor.unitCode,
            detail: {
              rows: total?.n ?? 0,
              filters: { from: input.from ?? null, to: input.to ?? null, q: input.q ?? null, ...input.filters },
            },
          });
        }
        const found = (await tx
          .select(selection(register))
          .from(register.table)
          .innerJoin(schema.units, joinUnits(register))
          .where(and(where, cursorCondition(register, cursor)))
          .orderBy(...listOrder(register, 'after'))
          .limit(input.pageSize + 1)) as unknown as SelectedRow[];
        const page = found.slice(0, input.pageSize);
        const personal = register.def.fields.filter((field) => field.personal);
        const dateKey = register.def.fields[0]!.key;
        const last = page.at(-1);
        return {
          rows: page.map((row) => {
            const values: Record<string, unknown> = Object.fromEntries(
              register.def.fields.map((field) => [field.key, row[field.key] ?? null]),
            );
            if (row.unitCode !== ctx.actor.unitCode) for (const field of personal) values[field.key] = null;
            return { unitCode: row.unitCode, unitName: row.unitName, values };
          }),
          next:
            found.length > input.pageSize && last
              ? encodeCursor({ direction: 'after', date: String(last[dateKey]), id: last.id })
              : null,
        };
      }),
    ),
});
