/**
 * A message shown to the user: Simplified Chinese first (the product's default
 * language), English as the selectable variant.
 */
export interface Message {
  zh: string;
  en: string;
}

export type ImportErrorCode =
  | 'too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'line_too_long'
  | 'not_text'
  | 'old_excel'
  | 'bad_text'
  | 'not_zip'
  | 'not_workbook'
  | 'bad_sheet'
  | 'bad_header_row'
  | 'truncated'
  | 'zip_bomb'
  | 'zip_mismatch'
  | 'unreadable'
  | 'empty'
  | 'bad_mapping';

/**
 * A file-level failure: the whole file is refused (as opposed to a RowError, which
 * refuses one row and lets the others through). Carries both languages so the route
 * can show it without a lookup table.
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly zh: string;
  readonly en: string;

  constructor(code: ImportErrorCode, msg: Message) {
    super(msg.en);
    this.name = 'ImportError';
    this.code = code;
    this.zh = msg.zh;
    this.en = msg.en;
  }
}

/** One refused cell. `row` is what the user sees in Excel: the header is row 1. */
export interface RowError extends Message {
  row: number;
  /** The header text of the column as written in the file ('' when not tied to a column). */
  column: string;
  field: string;
}
