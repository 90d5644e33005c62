/**
 * One spreadsheet row → typed values for a register, or every problem in it (the user
 * fixes a row once, not once per error). Messages name the row as Excel numbers it
 * (header = row 1) and the column as the file spells it, in Chinese and English.
 *
 * Messages are shown to every unit above the importing one, unmasked: they never quote
 * the value of a personal field (FieldDef.personal: names, ID numbers, phones,
 * addresses) — a mistyped ID is the real ID one digit off. Other values are quoted,
 * cut to a readable length, so the clerk can find the cell.
 *
 * Every message says what is allowed, not only that something is wrong. The rules come from
 * the register's definition (FieldDef, RegisterDef.checks): a form and an import of the same
 * register refuse the same values. Rules that depend on the day (a date after today) read
 * `now` from the caller, as a civil date in Asia/Shanghai.
 */
import { parseDate } from './dates.ts';
import {
  chineseCivilDate,
  compareDates,
  normalizePhone,
  shanghaiDate,
  validateIdNumber,
  type CivilDate,
} from '@tally/casework';
import type { RowError } from './errors.ts';
import type { ColumnMapping } from './header-mapping.ts';
import { toHalfWidth, looseKey } from './normalize.ts';
import type { EnumOption, FieldDef, RegisterDef, RowCheck } from './types.ts';

/** What the checks need to know about the moment of the check. */
export interface ValidationContext {
  /** The instant of the form post or the import: dates after its Shanghai day are in the future. */
  now: Date;
}

/** What a parser hands over for one cell; xlsx.ts already turned rich text/formulas into these. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number as shown by the spreadsheet program. */
  row: number;
  cells: CellValue[];
}

export type FieldValue = string | number | null;
export type RowValues = Record<string, FieldValue>;

export type RowResult = { ok: true; values: RowValues } | { ok: false; errors: RowError[] };

export function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function cellToText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v).trim();
}

type Check = { ok: true; value: FieldValue } | { ok: false; zh: string; en: string };

/** Longest quoted value or column name in a message, in characters. */
const QUOTE_LIMIT = 30;

/** Cut to QUOTE_LIMIT characters (whole code points: a split surrogate pair would be unreadable text in turn). */
export function shortText(text: string): string {
  const chars = Array.from(text.length > QUOTE_LIMIT * 2 ? text.slice(0, QUOTE_LIMIT * 2) : text);
  return chars.length > QUOTE_LIMIT || text.length > QUOTE_LIMIT * 2
    ? `${chars.slice(0, QUOTE_LIMIT).join('')}…`
    : text;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text that cannot be stored: a NUL (Postgres text and jsonb refuse it, failing the whole
 * insert) or a lone surrogate (no valid UTF-8 for it). Null when the text is fine.
 */
export function badText(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

function checkStorable(v: CellValue): Check | null {
  if (typeof v !== 'string') return null;
  const bad = badText(v);
  if (bad === 'nul')
    return {
      ok: false,
      zh: '含有不可见的空字符（NUL），请删除后再导入',
      en: 'contains an invisible NUL character; remove it and import again',
    };
  if (bad === 'surrogate')
    return {
      ok: false,
      zh: '含有无法识别的字符，请检查该单元格后再导入',
      en: 'contains characters that cannot be read; check the cell and import again',
    };
  return null;
}

/** How a refused value appears in a message: quoted when it is not personal data, left out when it is. */
function shown(v: CellValue, field: FieldDef): { zh: string; en: string } {
  if (field.personal) return { zh: '', en: '' };
  const text = shortText(cellToText(v));
  return { zh: `“${text}”`, en: `"${text}"` };
}

const DATE_HINT_ZH = '请使用 2024-03-05、2024/3/5 或 2024年3月5日';
const DATE_HINT_EN = 'use 2024-03-05, 2024/3/5 or 2024年3月5日';

/**
 * Whether a parsed date lies after today. Both sides are 'YYYY-MM-DD' with a four-digit year
 * in every case parseDate yields, where the text order is the calendar order; anything else
 * (a workbook Date of a far year) goes through compareDates as before.
 */
const PLAIN_YMD = /^\d{4}-\d\d-\d\d$/;
function isAfter(value: string, today: CivilDate): boolean {
  return PLAIN_YMD.test(value) && PLAIN_YMD.test(today) ? value > today : compareDates(value, today) > 0;
}

function checkDate(v: CellValue, field: FieldDef, today: CivilDate): Check {
  const r = parseDate(v);
  if (r.ok && field.notFuture && isAfter(r.value, today)) {
    return { ok: false, zh: `不能晚于今天（${chineseCivilDate(today)}）`, en: `cannot be later than today (${today})` };
  }
  if (r.ok) return { ok: true, value: r.value };
  const value = shown(v, field);
  return {
    ok: false,
    zh: `无法识别的日期${value.zh}，${DATE_HINT_ZH}`,
    en: `unrecognised date${value.en ? ` ${value.en}` : ''}; ${DATE_HINT_EN}`,
  };
}

function checkInt(v: CellValue, field: FieldDef): Check {
  const min = field.min ?? 0;
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const s = toHalfWidth(cellToText(v)).replace(/,/g, '');
    n = /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
  }
  const range = field.max === undefined ? `不小于 ${min} 的整数` : `${min} 至 ${field.max} 之间的整数`;
  const rangeEn =
    field.max === undefined ? `a whole number of ${min} or more` : `a whole number between ${min} and ${field.max}`;
  if (!Number.isSafeInteger(n)) {
    const value = shown(v, field);
    return {
      ok: false,
      zh: `${value.zh || '该值'}不是有效的整数（应为${range}）`,
      en: `${value.en || 'the value'} is not a valid whole number (must be ${rangeEn})`,
    };
  }
  // A whole number out of bounds: say the bound, as the clerk reads it.
  if (n < min) return { ok: false, zh: `至少为 ${min}`, en: `must be at least ${min}` };
  if (field.max !== undefined && n > field.max) return { ok: false, zh: `应为${range}`, en: `must be ${rangeEn}` };
  return { ok: true, value: n };
}

/**
 * An enum field's accepted spellings, loose key → option, worked out once per field: the
 * first option (in the field's order) that a key matches wins, as when every option was tried in turn.
 */
function enumLookup(field: FieldDef): Map<string, EnumOption> {
  const lookup = new Map<string, EnumOption>();
  for (const opt of field.enum ?? []) {
    for (const spelling of [opt.value, ...opt.labels]) {
      const key = looseKey(spelling);
      if (!lookup.has(key)) lookup.set(key, opt);
    }
  }
  return lookup;
}

function checkEnum(v: CellValue, field: FieldDef, lookup: ReadonlyMap<string, EnumOption>): Check {
  const opt = lookup.get(looseKey(cellToText(v)));
  if (opt) return { ok: true, value: field.integerValues ? Number(opt.value) : opt.value };
  const choices = (field.enum ?? []).map((o) => o.labels[0]).join('、');
  const value = shown(v, field);
  return {
    ok: false,
    zh: `${value.zh || '该值'}不是有效选项，可选：${choices}`,
    en: `${value.en || 'the value'} is not one of the allowed values: ${choices}`,
  };
}

// ID numbers and phones are personal data in every register: their messages never quote them.
function checkIdNumber(v: CellValue, today: CivilDate): Check {
  // A number cell of 17–18 digits: Excel keeps 15 significant digits, so the cell still
  // shows 18 digits but the last ones are already zeros. Nothing here can bring them back.
  if (typeof v === 'number' && Math.abs(v) >= 1e16) {
    return {
      ok: false,
      zh: '身份证号被 Excel 存成了数字，最后几位已经丢失（Excel 只保留 15 位有效数字），无法还原：请将该列设为文本格式，重新录入这些身份证号后再导入',
      en: 'the ID number was stored by Excel as a number and its last digits are already lost (Excel keeps 15 significant digits); they cannot be recovered: format the column as text, type these ID numbers again and import again',
    };
  }
  const s = toHalfWidth(cellToText(v)).replace(/\s/g, '').toUpperCase();
  if (typeof v === 'number' || !/^\d{17}[\dX]$/.test(s)) {
    return {
      ok: false,
      zh: '身份证号格式不正确，应为 18 位（最后一位可为 X），请将该列设为文本格式',
      en: 'the ID number is malformed: it must have 18 characters (the last may be X); format the column as text',
    };
  }
  // One GB 11643 rule for the whole product: @tally/casework owns it; only the wording here is the import's.
  const checked = validateIdNumber(s, { today });
  if (!checked.ok && checked.code === 'birth_date')
    return { ok: false, zh: '身份证号中的出生日期无效', en: 'the ID number has an invalid birth date' };
  if (!checked.ok && checked.code === 'check_digit')
    return { ok: false, zh: '身份证号校验位错误，请核对', en: 'the ID number has a wrong check digit; check it' };
  if (!checked.ok)
    return {
      ok: false,
      zh: '身份证号格式不正确，应为 18 位（最后一位可为 X）',
      en: 'the ID number is malformed: it must have 18 characters (the last may be X)',
    };
  return { ok: true, value: s };
}

// The one phone rule (mobile, or landline with area code) is @tally/casework's; the wording is the import's.
function checkPhone(v: CellValue): Check {
  const phone = normalizePhone(cellToText(v));
  if (phone) return { ok: true, value: phone };
  return {
    ok: false,
    zh: '电话号码格式不正确，应为 11 位手机号或带区号的固定电话',
    en: 'the phone number is malformed: use an 11-digit mobile or a landline with area code',
  };
}

/** Cells longer than this are almost always a pasted document, not a ledger entry. */
export const TEXT_LIMIT = 500;
export const LONG_TEXT_LIMIT = 4000;

function checkText(v: CellValue, field: FieldDef): Check {
  const text = cellToText(v);
  const limit = field.long ? LONG_TEXT_LIMIT : TEXT_LIMIT;
  if (text.length > limit)
    return {
      ok: false,
      zh: `内容过长（${text.length} 字），最多 ${limit} 字`,
      en: `text too long (${text.length} characters); at most ${limit}`,
    };
  return { ok: true, value: text };
}

/** One field's check of a non-empty cell, with what does not change from row to row (the enum's spellings) worked out once. */
type FieldCheck = (v: CellValue) => Check;

function fieldCheck(field: FieldDef, today: CivilDate): FieldCheck {
  const checkType = typeCheck(field, today);
  return (v) => checkStorable(v) ?? checkType(v);
}

function typeCheck(field: FieldDef, today: CivilDate): FieldCheck {
  switch (field.type) {
    case 'date':
      return (v) => checkDate(v, field, today);
    case 'int':
      return (v) => checkInt(v, field);
    case 'enum': {
      const lookup = enumLookup(field);
      return (v) => checkEnum(v, field, lookup);
    }
    case 'id_number':
      return (v) => checkIdNumber(v, today);
    case 'phone':
      return (v) => checkPhone(v);
    case 'text':
      return (v) => checkText(v, field);
  }
}

/** A refused rule between two fields: the field and the words, without the row or label prefix. */
interface CrossFailure {
  field: FieldDef;
  than: FieldDef;
  zh: string;
  en: string;
}

/** A rule between two fields, its fields looked up once (rules naming an unknown field never apply). */
interface Relation {
  field: FieldDef;
  than: FieldDef;
  fieldIndex: number;
  thanIndex: number;
}

function relationsOf(register: RegisterDef): Relation[] {
  const relations: Relation[] = [];
  for (const check of register.checks ?? ([] as RowCheck[])) {
    const fieldIndex = register.fields.findIndex((candidate) => candidate.key === check.field);
    const thanIndex = register.fields.findIndex((candidate) => candidate.key === check.than);
    if (fieldIndex < 0 || thanIndex < 0) continue;
    relations.push({ field: register.fields[fieldIndex]!, than: register.fields[thanIndex]!, fieldIndex, thanIndex });
  }
  return relations;
}

/**
 * The register's rules between fields, on values each already valid on its own (`valid`, by
 * field index). A date may not be earlier, a count not fewer, than the field it is checked against.
 */
function checkRelations(relations: readonly Relation[], values: RowValues, valid: readonly boolean[]): CrossFailure[] {
  const failures: CrossFailure[] = [];
  for (const { field, than, fieldIndex, thanIndex } of relations) {
    if (!valid[fieldIndex] || !valid[thanIndex]) continue;
    const a = values[field.key];
    const b = values[than.key];
    if (a === null || a === undefined || b === null || b === undefined || !(a < b)) continue;
    const date = field.type === 'date';
    failures.push({
      field,
      than,
      zh: `${date ? '不能早于' : '不能少于'}「${than.label}」`,
      en: `cannot be ${date ? 'earlier than' : 'fewer than'} "${than.labelEn ?? than.label}"`,
    });
  }
  return failures;
}

/** Checks one spreadsheet row (see validateRow). */
export type RowChecker = (sheetRow: SheetRow) => RowResult;

/**
 * validateRow for every row of one file: what depends only on the register, the mapping,
 * the headers and the day (where each field's cell is, the column names quoted in messages,
 * today's date, the enums' spellings) is worked out once, not once per row.
 */
export function rowChecker(
  register: RegisterDef,
  mapping: ColumnMapping,
  headers: readonly string[],
  context: ValidationContext,
): RowChecker {
  const today = shanghaiDate(context.now);
  const columnOf = new Map<string, number>();
  for (const [index, key] of Object.entries(mapping)) columnOf.set(key, Number(index));
  const plan = register.fields.map((field) => {
    const index = columnOf.get(field.key);
    return {
      field,
      index,
      // The file's header text, cut short: it is repeated in every error of the column.
      column: index === undefined ? field.label : shortText(headers[index] ?? field.label),
      empty: field.defaultValue ?? null,
      check: fieldCheck(field, today),
    };
  });
  const relations = relationsOf(register);
  const columnName = new Map(plan.map((p) => [p.field.key, p.column]));

  return (sheetRow) => {
    const row = sheetRow.row;
    const values: RowValues = {};
    const valid: boolean[] = relations.length > 0 ? [] : NO_FLAGS;
    let errors: RowError[] | null = null;
    for (let i = 0; i < plan.length; i++) {
      const { field, index, column, empty, check } = plan[i]!;
      const cell = index === undefined ? null : (sheetRow.cells[index] ?? null);
      if (isEmptyCell(cell)) {
        if (field.required)
          (errors ??= []).push(rowError(row, column, field, '必填项为空', 'required value is missing'));
        values[field.key] = empty;
        if (!field.required && valid !== NO_FLAGS) valid[i] = true;
        continue;
      }
      const r = check(cell);
      if (r.ok) {
        values[field.key] = r.value;
        if (valid !== NO_FLAGS) valid[i] = true;
      } else (errors ??= []).push(rowError(row, column, field, r.zh, r.en));
    }
    if (relations.length > 0) {
      for (const failure of checkRelations(relations, values, valid))
        (errors ??= []).push(rowError(row, columnName.get(failure.field.key)!, failure.field, failure.zh, failure.en));
    }
    return errors ? { ok: false, errors } : { ok: true, values };
  };
}

/** A row's error as the preview lists it: row and column named in both languages. */
function rowError(row: number, column: string, field: FieldDef, zh: string, en: string): RowError {
  return {
    row,
    column,
    field: field.key,
    zh: `第 ${row} 行「${column}」：${zh}`,
    en: `Row ${row}, "${column}": ${en}`,
  };
}

/** Shared by rows of registers without rules between fields: nothing is ever written to it. */
const NO_FLAGS: boolean[] = [];

/**
 * Validate one row. `headers` is the file's header row, used only to name columns in
 * messages. Fields without a column are null (or their defaultValue). A whole file is
 * checked with one rowChecker.
 */
export function validateRow(
  register: RegisterDef,
  mapping: ColumnMapping,
  headers: readonly string[],
  sheetRow: SheetRow,
  context: ValidationContext,
): RowResult {
  return rowChecker(register, mapping, headers, context)(sheetRow);
}

export interface FieldError {
  field: string;
  label: string;
  zh: string;
  en: string;
}

/**
 * The same checks for one record typed into a form: keyed by field, messages name the
 * field's label rather than a spreadsheet row and column. Fields absent from `input`
 * are treated as empty, so a form can not skip a required field by leaving it out.
 */
export function validateRecord(
  register: RegisterDef,
  input: Readonly<Record<string, CellValue | undefined>>,
  context: ValidationContext,
): { ok: true; values: RowValues } | { ok: false; errors: FieldError[] } {
  const today = shanghaiDate(context.now);
  const values: RowValues = {};
  const valid: boolean[] = [];
  const errors: FieldError[] = [];
  const labelled = (field: FieldDef, zh: string, en: string): FieldError => ({
    field: field.key,
    label: field.label,
    zh: `「${field.label}」${zh}`,
    en: `"${field.labelEn ?? field.label}"${en}`,
  });
  register.fields.forEach((field, i) => {
    const cell = input[field.key] ?? null;
    if (isEmptyCell(cell)) {
      if (field.required) errors.push(labelled(field, '为必填项', ' is required'));
      else valid[i] = true;
      values[field.key] = field.defaultValue ?? null;
      return;
    }
    const result = fieldCheck(field, today)(cell);
    if (result.ok) {
      values[field.key] = result.value;
      valid[i] = true;
    } else errors.push(labelled(field, `：${result.zh}`, `: ${result.en}`));
  });
  for (const failure of checkRelations(relationsOf(register), values, valid))
    errors.push(labelled(failure.field, failure.zh, ` ${failure.en}`));
  return errors.length ? { ok: false, errors } : { ok: true, values };
}
