/**
 * The shape of a register as the import engine reads it. The registers themselves are
 * defined once, next to their tables, in @tally/db (registers/); this package only
 * knows the shape, so parsing and validation stay independent of any database.
 */

export type FieldType = 'date' | 'text' | 'int' | 'enum' | 'id_number' | 'phone';

export interface EnumOption {
  /** Canonical value stored in the database. */
  value: string;
  /** Chinese labels accepted in a cell; the first one is used when exporting. */
  labels: string[];
  labelEn?: string;
}

/**
 * How a personal field is shown outside the handling unit (§8):
 * - `names`: a list of names or party entries; each keeps its role label and first character.
 * - `address`: kept up to the township, the rest masked.
 * - `free-text`: prose about the parties (a summary, the facts, agreed terms). Names in it
 *   cannot be found reliably, so it is withheld whole until an audited reveal.
 */
export type FieldMasking = 'names' | 'address' | 'free-text';

export interface FieldDef {
  /** Property name in code and in row values. */
  key: string;
  /** Column name in the table (and in `psql \copy` headers). */
  column?: string;
  label: string;
  labelEn?: string;
  aliases: string[];
  type: FieldType;
  required: boolean;
  enum?: EnumOption[];
  /** An enum stored as an integer (revisit class 1–3): values are converted on the way in. */
  integerValues?: boolean;
  /** Bounds for 'int' (min defaults to 0: counts are never negative). */
  min?: number;
  max?: number;
  /** Value used when an optional cell is empty (e.g. adopted level → 'none'). */
  defaultValue?: string | number;
  /** Personal data (§8): masked outside the handling unit, left out of exports made outside it. */
  personal?: boolean;
  /** How a personal field is shown outside the handling unit (see FieldMasking); names when unset. */
  masking?: FieldMasking;
  /** Free text long enough for a multi-line box. */
  long?: boolean;
  /**
   * A date that records something that has happened (a meeting held, a case received):
   * refused when it lies after today in Asia/Shanghai. Deadlines (rectify-by) leave it unset.
   */
  notFuture?: boolean;
}

/**
 * A rule between two fields of one row: `field` may not be earlier (dates) or fewer
 * (counts) than `than`. Checked once both fields are valid on their own; an empty side
 * passes (required-ness is the field's own rule).
 */
export interface RowCheck {
  field: string;
  than: string;
}

export interface RegisterDef {
  key: string;
  label: string;
  labelEn: string;
  fields: FieldDef[];
  checks?: RowCheck[];
}
