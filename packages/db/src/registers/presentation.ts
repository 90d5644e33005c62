import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * What a register column looks like to a clerk: its Chinese label, the other header
 * spellings villages use, and the words for each enumerated value. Names, types,
 * required-ness and the allowed values themselves come from the table (see defs.ts),
 * so this file can not disagree with the database: a missing column, a misspelt key or
 * an unlabelled enum value is a compile error.
 */

/** Columns every register has and no clerk types in. */
export type SharedColumn =
  | 'countyId'
  | 'id'
  | 'unitCode'
  | 'fingerprint'
  | 'importId'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
  | 'deletedAt';

type Insertable<TTable extends PgTable> = Omit<TTable['$inferInsert'], SharedColumn>;

interface BasePresentation {
  label: string;
  labelEn: string;
  aliases?: string[];
  /** Stricter text checks on input; the value is personal data (§8) and masked outside the handling unit. */
  kind?: 'id_number' | 'phone';
  /** Personal data even without a kind (names of parties). */
  personal?: boolean;
  /**
   * Prose that describes the parties (a summary, the facts, agreed terms): personal data
   * withheld whole above the handling unit, since names in it cannot be masked reliably.
   */
  freeText?: boolean;
  /** Not typed in by the clerk nor imported (e.g. a link set by another screen). */
  internal?: boolean;
  min?: number;
  max?: number;
  /** Shown as a multi-line box. */
  long?: boolean;
  /**
   * A date that may lie ahead (a deadline). Every other date of a register records what
   * happened and is refused after today (Asia/Shanghai).
   */
  ahead?: boolean;
}

type OptionsFor<TValue> = [TValue] extends [string]
  ? string extends TValue
    ? { options?: never }
    : { options: Record<TValue, string[]>; optionsEn: Record<TValue, string> }
  : [TValue] extends [number]
    ? { options?: Record<number, string[]>; optionsEn?: Record<number, string> }
    : { options?: never };

export type FieldPresentation<TValue> = BasePresentation & OptionsFor<TValue>;

export type RegisterPresentation<TTable extends PgTable> = {
  [K in keyof Insertable<TTable>]-?: FieldPresentation<NonNullable<Insertable<TTable>[K]>>;
};

/** Rules between two fields of a row (see RowCheck): `field` not earlier or fewer than `than`. */
export type RegisterChecks<TTable extends PgTable> = ReadonlyArray<{
  field: keyof Insertable<TTable> & string;
  than: keyof Insertable<TTable> & string;
}>;
