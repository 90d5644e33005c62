/**
 * The file-level refusals for a limit (limits.ts), each naming the limit in both
 * languages so the clerk knows what to change. Shared by the CSV and .xlsx parsers.
 */
import { ImportError } from './errors.ts';
import { formatBytes, type ImportLimits } from './limits.ts';

export function tooLarge(limits: ImportLimits): ImportError {
  return new ImportError('too_large', {
    zh: `文件超过大小上限 ${formatBytes(limits.maxBytes)}，请拆分后分批导入`,
    en: `The file exceeds the size limit of ${formatBytes(limits.maxBytes)}; split it and import in parts`,
  });
}

export function tooManyRows(limits: ImportLimits): ImportError {
  return new ImportError('too_many_rows', {
    zh: `数据行数超过上限 ${limits.maxRows} 行，请拆分后分批导入`,
    en: `The file has more than the limit of ${limits.maxRows} data rows; split it and import in parts`,
  });
}

/** `row` as the spreadsheet numbers it; `columns` as counted up to the last non-empty cell. */
export function tooManyColumns(row: number, columns: number, limits: ImportLimits): ImportError {
  return new ImportError('too_many_columns', {
    zh: `第 ${row} 行有 ${columns} 列，超过上限 ${limits.maxColumns} 列；请删除多余的列后再导入`,
    en: `Row ${row} has ${columns} columns, more than the limit of ${limits.maxColumns}; delete the extra columns and import again`,
  });
}

/** `line` is the line of the file (a quoted cell spanning lines makes it differ from the row). */
export function lineTooLong(line: number, limits: ImportLimits): ImportError {
  return new ImportError('line_too_long', {
    zh: `文件第 ${line} 行超过长度上限 ${formatBytes(limits.maxLineBytes)}（可能缺少换行，或某个引号没有闭合），请检查后再导入`,
    en: `Line ${line} of the file is longer than the limit of ${formatBytes(limits.maxLineBytes)} (a line break may be missing, or a quote left open); check the file and import again`,
  });
}
