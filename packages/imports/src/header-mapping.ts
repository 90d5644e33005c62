/**
 * Map a sheet's header row to register fields. Villages name columns their own way, so
 * each column is tried, in order of confidence:
 *   1. exact field label ("会议日期");
 *   2. exact alias ("日期", "时间", "登记日期" …);
 *   3. normalised label or alias: trimmed, full-width → half-width, all spaces removed,
 *      bracketed notes dropped ("日期（必填）", "人数(人)", "【日期】"), trailing "*" and ":" dropped;
 *   4. a known word inside the header: real ledgers add words around the ones we know
 *      ("来源渠道" holds 渠道, "内容摘要" holds 摘要). The longest label or alias of two or
 *      more characters that the normalised header contains wins, and it must make up at
 *      least half of the header, so a long title ("某村2025年信访登记台账") maps to nothing.
 * A field is taken by at most one column (the leftmost that matches at the best level),
 * and a user-supplied override beats all of it.
 */
import { ImportError } from './errors.ts';
import { looseKey } from './normalize.ts';
import type { FieldDef, RegisterDef } from './types.ts';

/** columnIndex (0-based) → field key. */
export type ColumnMapping = Record<number, string>;

/**
 * A user's choice from the mapping screen: column index → field key, or null to ignore
 * that column explicitly.
 */
export type MappingOverride = Record<number, string | null>;

export interface HeaderMappingResult {
  mapping: ColumnMapping;
  unmappedColumns: { index: number; header: string }[];
  missingRequired: { key: string; label: string }[];
}

/** Header text reduced to what identifies it. Exported for tests and the UI's hints. */
export function normaliseHeader(header: string): string {
  return looseKey(header)
    .replace(/\([^)]*\)/g, '') // NFKC already turned （） into ()
    .replace(/【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[*:：]+$/g, '')
    .replace(/^[*]+/g, '');
}

export function mapHeaders(
  headers: readonly string[],
  register: RegisterDef,
  override?: MappingOverride,
): HeaderMappingResult {
  const fieldsByKey = new Map(register.fields.map((f) => [f.key, f] as const));
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  const decided = new Set<number>();

  if (override) {
    for (const [indexText, key] of Object.entries(override)) {
      const index = Number(indexText);
      if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
        throw new ImportError('bad_mapping', {
          zh: `列映射无效：文件中没有第 ${index + 1} 列`,
          en: `Invalid mapping: the file has no column ${index + 1}`,
        });
      }
      decided.add(index);
      if (key === null || key === '') continue;
      if (!fieldsByKey.has(key)) {
        throw new ImportError('bad_mapping', {
          zh: `列映射无效：「${register.label}」没有字段“${key}”`,
          en: `Invalid mapping: register "${register.labelEn}" has no field "${key}"`,
        });
      }
      if (taken.has(key)) {
        throw new ImportError('bad_mapping', {
          zh: `列映射无效：字段「${fieldsByKey.get(key)!.label}」被映射了多次`,
          en: `Invalid mapping: field "${key}" is mapped more than once`,
        });
      }
      mapping[index] = key;
      taken.add(key);
    }
  }

  // Four passes so that an exact match anywhere in the row beats a loose one to its left.
  const passes: ((header: string, field: FieldDef) => boolean)[] = [
    (h, f) => h.trim() === f.label,
    (h, f) => f.aliases.includes(h.trim()),
    (h, f) => {
      const n = normaliseHeader(h);
      return n !== '' && (n === normaliseHeader(f.label) || f.aliases.some((a) => normaliseHeader(a) === n));
    },
  ];
  const take = (index: number, field: FieldDef) => {
    mapping[index] = field.key;
    taken.add(field.key);
    decided.add(index);
  };
  for (const matches of passes) {
    headers.forEach((header, index) => {
      if (decided.has(index)) return;
      const field = register.fields.find((f) => !taken.has(f.key) && matches(header, f));
      if (field) take(index, field);
    });
  }
  headers.forEach((header, index) => {
    if (decided.has(index)) return;
    const field = containedField(
      normaliseHeader(header),
      register.fields.filter((f) => !taken.has(f.key)),
    );
    if (field) take(index, field);
  });

  const unmappedColumns = headers
    .map((header, index) => ({ index, header }))
    .filter(({ index }) => mapping[index] === undefined && hasText(headers[index]));
  const missingRequired = register.fields
    .filter((f) => f.required && !taken.has(f.key))
    .map((f) => ({ key: f.key, label: f.label }));
  return { mapping, unmappedColumns, missingRequired };
}

/** Pass 4: the field whose longest known word (≥ 2 characters, ≥ half the header) the header contains. */
function containedField(header: string, fields: readonly FieldDef[]): FieldDef | null {
  let best: { field: FieldDef; length: number } | null = null;
  for (const field of fields) {
    for (const word of [field.label, ...field.aliases]) {
      const n = normaliseHeader(word);
      if (n.length < 2 || n.length * 2 < header.length || !header.includes(n)) continue;
      if (!best || n.length > best.length) best = { field, length: n.length };
    }
  }
  return best?.field ?? null;
}

/**
 * How much a row looks like this register's header: the number of its cells that map to
 * a field. The preview scans the first rows with it to find the header below a title row.
 */
export function headerScore(headers: readonly string[], register: RegisterDef): number {
  return Object.keys(mapHeaders(headers, register).mapping).length;
}

// Blank header cells (trailing empty columns Excel leaves behind) are not worth reporting.
function hasText(h: string | undefined): boolean {
  return h !== undefined && h.trim() !== '';
}
