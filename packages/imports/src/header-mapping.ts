/**
 * Map a sheet's header row to register fields. Villages name columns their own way, so
 * each column is tried, in order of confidence:
 *   1. exact field label ("会议日期");
 *   2. exact alias ("日期", "时间", "登记日期" …);
 *   3. normalised label or alias: trimmed, full-width → half-width, all spaces removed,
 *      bracketed notes dropped ("日期（必填）", "人数(人)", "【日期】"), trailing "*" and ":" dropped.
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

export function mapHeaders(headers: readonly string[], register: RegisterDef, override?: MappingOverride): HeaderMappingResult {
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

  // Three passes so that an exact match anywhere in the row beats a loose one to its left.
  const passes: ((header: string, field: FieldDef) => boolean)[] = [
    (h, f) => h.trim() === f.label,
    (h, f) => f.aliases.includes(h.trim()),
    (h, f) => {
      const n = normaliseHeader(h);
      return n !== '' && (n === normaliseHeader(f.label) || f.aliases.some((a) => normaliseHeader(a) === n));
    },
  ];
  for (const matches of passes) {
    headers.forEach((header, index) => {
      if (decided.has(index)) return;
      const field = register.fields.find((f) => !taken.has(f.key) && matches(header, f));
      if (!field) return;
      mapping[index] = field.key;
      taken.add(field.key);
      decided.add(index);
    });
  }

  const unmappedColumns = headers
    .map((header, index) => ({ index, header }))
    .filter(({ index }) => mapping[index] === undefined && hasText(headers[index]));
  const missingRequired = register.fields.filter((f) => f.required && !taken.has(f.key)).map((f) => ({ key: f.key, label: f.label }));
  return { mapping, unmappedColumns, missingRequired };
}

// Blank header cells (trailing empty columns Excel leaves behind) are not worth reporting.
function hasText(h: string | undefined): boolean {
  return h !== undefined && h.trim() !== '';
}
