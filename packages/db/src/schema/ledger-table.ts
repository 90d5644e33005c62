import { getTableColumns, sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
  type PgColumn,
  type PgColumnBuilderBase,
} from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { appRole, inScope, roleIn, sameCounty } from './rls.ts';
import { caseDataRoles } from './roles.ts';

/** Columns every register row has: tenant key, owning unit, import fingerprint, soft delete. */
function ledgerColumns() {
  return {
    countyId: integer('county_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    unitCode: varchar('unit_code', { length: 12 }).notNull(),
    /** sha256 of the row's canonical values: importing the same row twice adds nothing. */
    fingerprint: text('fingerprint').notNull(),
    importId: uuid('import_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  };
}

/**
 * A CHECK per enumerated column, so a value the application does not know can not be
 * stored by any path (import, form, or a hand-written statement). Read from the built
 * table's columns: the extra-config columns drizzle hands to the callback carry no enumValues.
 */
function enumChecks(tableName: string, columns: Record<string, PgColumn>) {
  return Object.values(columns).flatMap((column) => {
    if (!column.enumValues?.length) return [];
    const allowed = column.enumValues.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
    return [check(`${tableName}_${column.name}_check`, sql`${sql.identifier(column.name)} in (${sql.raw(allowed)})`)];
  });
}

/**
 * A register (台帐) table: the shared columns, then its own. Reads reach the
 * unit and below; writes need the row to sit in scope too, and the API narrows
 * writes to the actor's own unit. Rows are soft-deleted, so no DELETE grant.
 */
export function ledgerTable<TColumns extends Record<string, PgColumnBuilderBase>>(
  name: string,
  columns: TColumns,
  dateColumn: keyof TColumns & string,
) {
  // drizzle calls this back only when the table is complete (drizzle-kit, never at import).
  const builtColumns = (): Record<string, PgColumn> => getTableColumns(table);
  const table = pgTable(name, { ...ledgerColumns(), ...columns }, (t) => {
    const byKey: Record<string, PgColumn> = t;
    return [
      primaryKey({ columns: [t.countyId, t.id] }),
      unique(`${name}_fingerprint_key`).on(t.countyId, t.unitCode, t.fingerprint),
      index(`${name}_unit_date_idx`).using(
        'btree',
        t.countyId,
        sql`${t.unitCode} text_pattern_ops`,
        sql`${byKey[dateColumn]} desc`,
        sql`${t.id} desc`,
      ),
      // A county-wide list walks this in date order instead of sorting every row of the county.
      index(`${name}_county_date_idx`).using('btree', t.countyId, sql`${byKey[dateColumn]} desc`, sql`${t.id} desc`),
      foreignKey({ columns: [t.countyId, t.unitCode], foreignColumns: [units.countyId, units.code] }),
      ...enumChecks(name, builtColumns()),
      pgPolicy(`${name}_read`, {
        for: 'select',
        to: appRole,
        using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
      }),
      pgPolicy(`${name}_insert`, {
        for: 'insert',
        to: appRole,
        withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
      }),
      pgPolicy(`${name}_update`, {
        for: 'update',
        to: appRole,
        using: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
        withCheck: sql`${sameCounty(t.countyId)} and ${roleIn(...caseDataRoles)} and ${inScope(t.unitCode)}`,
      }),
    ];
  }).enableRLS();
  return table;
}
