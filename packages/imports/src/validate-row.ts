/**
 * One spreadsheet row → typed values for a register, or every problem in it (the user
 * fixes a row once, not once per error). Messages name the row as Excel numbers it
 * (header = row 1) and the column as the file spells it, in Chinese and English.
 *
 * Messages are shown to every unit above the importing one, unmasked: they never quote
 * the value of a personal field (FieldDef.personal: names, ID numbers, phones,
 * addresses) — a mistyped ID is the real ID one digit off. Other values are quoted,
 * cut to a readable length, so the clerk can find the cell.
 */
import { parseDate } from './dates.ts';
import { validateIdNumber } from '@tally/casework';
import type { RowError } from './errors.ts';
import type { ColumnMapping } from './header-mapping.ts';
import { toHalfWidth, looseKey } from './normalize.ts';
import type { FieldDef, RegisterDef } from './types.ts';

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
  return chars.length > QUOTE_LIMIT || text.length > QUOTE_LIMIT * 2 ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : text;
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
  if (bad === 'nul') return { ok: false, zh: '含有不可见的空字符（NUL），请删除后再导入', en: 'contains an invisible NUL character; remove it and import again' };
  if (bad === 'surrogate') return { ok: false, zh: '含有无法识别的字符，请检查该单元格后再导入', en: 'contains characters that cannot be read; check the cell and import again' };
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

function checkDate(v: CellValue, field: FieldDef): Check {
  const r = parseDate(v);
  if (r.ok) return { ok: true, value: r.value };
  const value = shown(v, field);
  return { ok: false, zh: `无法识别的日期${value.zh}，${DATE_HINT_ZH}`, en: `unrecognised date${value.en ? ` ${value.en}` : ''}; ${DATE_HINT_EN}` };
}

function checkInt(v: CellValue, field: FieldDef): Check {
  const min = field.min ?? 0;
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const s = toHalfWidth(cellToText(v)).replace(/,/g, '');
    n = /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
  }
  if (!Number.isSafeInteger(n) || n < min || (field.max !== undefined && n > field.max)) {
    const value = shown(v, field);
    const range = field.max === undefined ? `不小于 ${min} 的整数` : `${min} 至 ${field.max} 之间的整数`;
    const rangeEn = field.max === undefined ? `${min} or more` : `between ${min} and ${field.max}`;
    return { ok: false, zh: `${value.zh || '该值'}不是有效的整数（应为${range}）`, en: `${value.en || 'the value'} is not a valid whole number (must be ${rangeEn})` };
  }
  return { ok: true, value: n };
}

function checkEnum(v: CellValue, field: FieldDef): Check {
  const key = looseKey(cellToText(v));
  for (const opt of field.enum ?? []) {
    if (looseKey(opt.value) === key || opt.labels.some((l) => looseKey(l) === key)) {
      return { ok: true, value: field.integerValues ? Number(opt.value) : opt.value };
    }
  }
  const choices = (field.enum ?? []).map((o) => o.labels[0]).join('、');
  const value = shown(v, field);
  return { ok: false, zh: `${value.zh || '该值'}不是有效选项，可选：${choices}`, en: `${value.en || 'the value'} is not one of the allowed values: ${choices}` };
}

// ID numbers and phones are personal data in every register: their messages never quote them.
function checkIdNumber(v: CellValue): Check {
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
  const checked = validateIdNumber(s);
  if (!checked.ok && checked.code === 'birth_date') return { ok: false, zh: '身份证号中的出生日期无效', en: 'the ID number has an invalid birth date' };
  if (!checked.ok && checked.code === 'check_digit') return { ok: false, zh: '身份证号校验位错误，请核对', en: 'the ID number has a wrong check digit; check it' };
  if (!checked.ok) return { ok: false, zh: '身份证号格式不正确，应为 18 位（最后一位可为 X）', en: 'the ID number is malformed: it must have 18 characters (the last may be X)' };
  return { ok: true, value: s };
}

// Mobile: 11 digits starting 13–19, optional +86/86 prefix. Landline: area code (0 + 2–3
// digits) then 7–8 digits, optional extension; without the area code a number is
// ambiguous across the county, so it is refused.
const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
const LANDLINE = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/;

function checkPhone(v: CellValue): Check {
  const s = toHalfWidth(cellToText(v)).replace(/[\s()]/g, '').replace(/—|–/g, '-');
  const mobile = MOBILE.exec(s.replace(/-/g, ''));
  if (mobile) return { ok: true, value: mobile[1]! };
  const land = LANDLINE.exec(s);
  if (land) return { ok: true, value: `${land[1]}-${land[2]}${land[3] ? `-${land[3]}` : ''}` };
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
  if (text.length > limit) return { ok: false, zh: `内容过长（${text.length} 字），最多 ${limit} 字`, en: `text too long (${text.length} characters); at most ${limit}` };
  return { ok: true, value: text };
}

function checkField(v: CellValue, field: FieldDef): Check {
  const unstorable = checkStorable(v);
  if (unstorable) return unstorable;
  switch (field.type) {
    case 'date':
      return checkDate(v, field);
    case 'int':
      return checkInt(v, field);
    case 'enum':
      return checkEnum(v, field);
    case 'id_number':
      return checkIdNumber(v);
    case 'phone':
      return checkPhone(v);
    case 'text':
      return checkText(v, field);
  }
}

/**
 * Validate one row. `headers` is the file's header row, used only to name columns in
 * messages. Fields without a column are null (or their defaultValue).
 */
export function validateRow(register: RegisterDef, mapping: ColumnMapping, headers: readonly string[], sheetRow: SheetRow): RowResult {
  const values: RowValues = {};
  const errors: RowError[] = [];
  const columnOf = new Map<string, number>();
  for (const [index, key] of Object.entries(mapping)) columnOf.set(key, Number(index));

  for (const field of register.fields) {
    const index = columnOf.get(field.key);
    const cell = index === undefined ? null : (sheetRow.cells[index] ?? null);
    // The file's header text, cut short: it is repeated in every error of the column.
    const column = index === undefined ? field.label : shortText(headers[index] ?? field.label);
    if (isEmptyCell(cell)) {
      if (field.required) {
        errors.push({
          row: sheetRow.row,
          column,
          field: field.key,
          zh: `第 ${sheetRow.row} 行「${column}」：必填项为空`,
          en: `Row ${sheetRow.row}, "${column}": required value is missing`,
        });
      }
      values[field.key] = field.defaultValue ?? null;
      continue;
    }
    const r = checkField(cell, field);
    if (r.ok) values[field.key] = r.value;
    else {
      errors.push({
        row: sheetRow.row,
        column,
        field: field.key,
        zh: `第 ${sheetRow.row} 行「${column}」：${r.zh}`,
        en: `Row ${sheetRow.row}, "${column}": ${r.en}`,
      });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
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
): { ok: true; values: RowValues } | { ok: false; errors: FieldError[] } {
  const values: RowValues = {};
  const errors: FieldError[] = [];
  for (const field of register.fields) {
    const cell = input[field.key] ?? null;
    if (isEmptyCell(cell)) {
      if (field.required) errors.push({ field: field.key, label: field.label, zh: `「${field.label}」为必填项`, en: `"${field.labelEn ?? field.label}" is required` });
      values[field.key] = field.defaultValue ?? null;
      continue;
    }
    const result = checkField(cell, field);
    if (result.ok) values[field.key] = result.value;
    else errors.push({ field: field.key, label: field.label, zh: `「${field.label}」：${result.zh}`, en: `"${field.labelEn ?? field.label}": ${result.en}` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}
