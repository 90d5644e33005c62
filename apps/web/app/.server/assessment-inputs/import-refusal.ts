import type { RowError } from '@tally/imports';
import { UserFacingError } from '../errors.ts';

/** Rows named in the summary message; the screen shows them all from `rowErrors`. */
const SUMMARY_ROWS = 5;

/**
 * An import refused as a whole (nothing was written), with every row error. The message
 * carries the first few in both languages for callers that only see the message; the
 * screen, calling on the server, reads `rowErrors` for the full table.
 */
export class ImportRefusal extends UserFacingError {
  readonly rowErrors: RowError[];
  constructor(rowErrors: RowError[]) {
    const first = rowErrors.slice(0, SUMMARY_ROWS);
    super('BAD_REQUEST', 'checks.import.refused', {
      count: rowErrors.length,
      zh: first.map((error) => error.zh).join('；'),
      en: first.map((error) => error.en).join('; '),
    });
    this.rowErrors = rowErrors;
  }
}
