/**
 * Values that pass validation but are probably not what the clerk meant. They are shown
 * as warnings on the preview and must be acknowledged before the commit (they are not
 * errors: a 1998 meeting may really be in an old ledger, and 吉?祥 may be what the paper
 * says). Each one is a known way a spreadsheet garbles a ledger:
 *
 * - a date outside the ledger's sensible range: from 2000-01-01 (registers of this kind
 *   did not exist before) to one year after today (Asia/Shanghai). A bare year typed into a
 *   date column (2024) is read by Excel as serial day 2024, 1905-07-16; a mistyped year
 *   gives 2136;
 * - U+FFFD in text: a byte the decoder could not read (a damaged GBK file gives �兰);
 * - "?" next to a Chinese character: what a GBK re-save writes for a character GBK cannot
 *   hold (吉?祥 for a rare name character).
 *
 * Personal fields' values are never quoted (messages go to units above, validate-row.ts).
 */
import { addMonths, shanghaiDate } from '@tally/casework';
import type { RowError } from './errors.ts';
import type { ColumnMapping } from './header-mapping.ts';
import type { FieldDef, RegisterDef } from './types.ts';
import { shortText, type RowValues } from './validate-row.ts';

/** A warning has the shape of a row error: the row as Excel numbers it, the column as the file spells it. */
export type RowWarning = RowError;

export const EARLIEST_PLAUSIBLE_DATE = '2000-01-01';

/** The last plausible date for a ledger entry: a year after today in Asia/Shanghai. */
export function latestPlausibleDate(now: Date): string {
  return addMonths(shanghaiDate(now), 12);
}

const HAN = '\\p{Script=Han}';
const LOST_CHARACTER = new RegExp(`${HAN}\\?|\\?${HAN}`, 'u');

/** The warnings of one valid row (see rowWarnings). */
export type WarningChecker = (row: number, values: RowValues) => RowWarning[];

/**
 * rowWarnings for every row of one file: the fields that have a column and the column
 * names quoted in messages are worked out once, not once per row.
 */
export function warningChecker(
  register: RegisterDef,
  mapping: ColumnMapping,
  headers: readonly string[],
  latest: string,
): WarningChecker {
  const columnOf = new Map<string, number>();
  for (const [index, key] of Object.entries(mapping)) columnOf.set(key, Number(index));
  const mapped: { field: FieldDef; column: string }[] = [];
  for (const field of register.fields) {
    const index = columnOf.get(field.key);
    if (index !== undefined) mapped.push({ field, column: shortText(headers[index] ?? field.label) });
  }
  return (row, values) => {
    const warnings: RowWarning[] = [];
    for (const { field, column } of mapped) {
      const value = values[field.key];
      if (typeof value !== 'string' || value === '') continue;
      const warning = valueWarning(field, value, latest);
      if (warning) {
        warnings.push({
          row,
          column,
          field: field.key,
          zh: `第 ${row} 行「${column}」：${warning.zh}`,
          en: `Row ${row}, "${column}": ${warning.en}`,
        });
      }
    }
    return warnings;
  };
}

/** What is implausible about one value, if anything: the first of the reasons above that applies. */
function valueWarning(field: FieldDef, value: string, latest: string): { zh: string; en: string } | null {
  if (field.type === 'date' && (value < EARLIEST_PLAUSIBLE_DATE || value > latest)) {
    return {
      zh: `日期 ${value} 不在合理范围（${EARLIEST_PLAUSIBLE_DATE} 至 ${latest}）内；只填了年份的单元格会被当作 Excel 日期序号，请核对`,
      en: `the date ${value} is outside the sensible range (${EARLIEST_PLAUSIBLE_DATE} to ${latest}); a cell holding only a year is read as an Excel day number; check it`,
    };
  }
  if (value.includes('\uFFFD')) {
    return {
      zh: '含有无法识别的乱码字符“�”，文件可能已损坏，请核对',
      en: 'contains the unreadable character "�": the file may be damaged; check it',
    };
  }
  // Without a "?" the Han test cannot match: most cells skip the Unicode-property regex.
  if (value.includes('?') && LOST_CHARACTER.test(value)) {
    return {
      zh: '汉字旁有“?”，可能是另存为 GBK 时丢失的生僻字，请核对',
      en: 'has a "?" next to a Chinese character, probably a rare character lost when the file was saved as GBK; check it',
    };
  }
  return null;
}

export function rowWarnings(
  register: RegisterDef,
  mapping: ColumnMapping,
  headers: readonly string[],
  row: number,
  values: RowValues,
  latest: string,
): RowWarning[] {
  return warningChecker(register, mapping, headers, latest)(row, values);
}
