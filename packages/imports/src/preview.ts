/**
 * Dry run of an import: parse, map headers, validate every row, find duplicates inside
 * the file. No database: the web app stages what this yields (staging table, then
 * INSERT … SELECT under RLS, see DESIGN.md).
 *
 * Two shapes of the same run. `streamPreview` hands row outcomes to the caller in
 * chunks, in row order, and keeps only the current chunk and the set of fingerprints
 * seen (needed to recognise an in-file duplicate): a 50,000-row file is staged without
 * ever being held as rows. `previewImport` collects everything, for small files and tests.
 *
 * The format is chosen by content, never by the file name: villages rename .csv to
 * .xlsx and back. Zip magic (PK\x03\x04) → .xlsx, anything else → CSV.
 *
 * The header is not always the first row: ledgers carry a title ("某村2025年信访登记台账",
 * often merged across the columns) and notes above it. The first HEADER_SCAN non-empty
 * rows are held back and the one whose cells map to the most fields is the header
 * (headerScore; ties go to the upper row, no match at all means the first row); rows above
 * it are not data. The clerk can name another row (`headerRow`) and, for a workbook,
 * another sheet (`sheet`); the rows scanned are reported (`topRows`) for that choice.
 */
import { setImmediate } from 'node:timers/promises';
import { parseCsvBatches } from './csv.ts';
import { ImportError, type RowError } from './errors.ts';
import { rowFingerprint } from './fingerprint.ts';
import { headerScore, mapHeaders, type HeaderMappingResult, type MappingOverride } from './header-mapping.ts';
import { tooLarge } from './limit-errors.ts';
import { resolveLimits, type ImportLimits } from './limits.ts';
import { latestPlausibleDate, warningChecker, type RowWarning, type WarningChecker } from './plausibility.ts';
import type { RegisterDef } from './types.ts';
import {
  badText,
  cellToText,
  rowChecker,
  shortText,
  type CellValue,
  type RowChecker,
  type RowValues,
  type SheetRow,
} from './validate-row.ts';
import { parseXlsxRows, type SheetChoice } from './xlsx.ts';
import { isZip } from './zip-guard.ts';

export interface PreviewInput {
  bytes: Uint8Array;
  /** Kept for messages and the audit trail only; it does not pick the parser. */
  fileName: string;
  register: RegisterDef;
  /**
   * The instant of the import (Asia/Shanghai day): dates that record the past may not lie after it,
   * and plausibility warnings flag dates more than a year ahead of it.
   */
  now: Date;
  mapping?: MappingOverride;
  /** Workbook tab to read, by name (the first visible tab when unset; ignored for CSV). */
  sheet?: string;
  /** Spreadsheet row number of the header (found among the first rows when unset). */
  headerRow?: number;
  limits?: Partial<ImportLimits>;
  /** Called with the number of data rows processed, every `progressEvery` rows and at the end. */
  onProgress?: (rowsDone: number) => void;
  progressEvery?: number;
}

export interface ValidRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  values: RowValues;
  fingerprint: string;
  /** Implausible values (plausibility.ts): the row is valid, the clerk must acknowledge them. */
  warnings: RowWarning[];
}

/** What became of one row of the file. A missing required column is one error outcome on the header row. */
export type RowOutcome =
  | ({ outcome: 'valid' } & ValidRow)
  | { outcome: 'duplicate'; row: number }
  | { outcome: 'error'; row: number; errors: RowError[] };

export interface StreamPreviewInput extends PreviewInput {
  /** Receives the outcomes in row order, `chunkSize` at a time (the last chunk may be shorter); awaited before parsing goes on. */
  onRows: (rows: RowOutcome[]) => Promise<void> | void;
  chunkSize?: number;
}

/** What every preview knows of the file as a whole. */
interface PreviewedFile {
  fileName: string;
  format: 'csv' | 'xlsx';
  register: string;
  headers: string[];
  mapping: HeaderMappingResult;
  /** Data rows in the file (blank rows and rows above the header not counted). */
  totalRows: number;
  /** Spreadsheet row number of the header row used. */
  headerRow: number;
  /** The first rows, where the header was looked for: what the clerk picks the header row from (header words and titles only, see pickerCells). */
  topRows: { row: number; cells: string[] }[];
  /** Visible tabs of a workbook and the one read; null for CSV. */
  sheets: SheetChoice | null;
  /** Valid rows with at least one warning. */
  warningRowCount: number;
}

export interface PreviewSummary extends PreviewedFile {
  validCount: number;
  /** Rows with at least one error (the header row counts once when a required column is missing). */
  errorRowCount: number;
  duplicateCount: number;
}

export interface PreviewResult extends PreviewedFile {
  /** Rows that passed validation, first occurrence only when a row is repeated. */
  validRows: ValidRow[];
  warnings: RowWarning[];
  errors: RowError[];
  /** Row numbers of valid rows identical to an earlier row of the same file. */
  duplicateRowsInFile: number[];
}

export function detectFormat(bytes: Uint8Array): 'csv' | 'xlsx' {
  return isZip(bytes) ? 'xlsx' : 'csv';
}

/** How many non-empty rows at the top are searched for the header. */
export const HEADER_SCAN = 10;
/** What the header picker shows of each scanned row. */
const TOP_CELLS = 8;

/**
 * What the header picker may show of a scanned row. The batch is stored and read by the
 * units above, so a data row's values (names, ID numbers) must not be kept: a row shows
 * only its cells that are header words (they map to a field), and a row above the header
 * with a single cell (a title, merged or not) shows that cell. Cells that cannot be
 * stored (NUL) are left out.
 */
function pickerCells(sheetRow: SheetRow, register: RegisterDef, headerRow: number): string[] {
  const texts = sheetRow.cells.map((cell) => cellToText(cell));
  const filled = texts.filter((text) => text !== '' && badText(text) === null);
  if (sheetRow.row < headerRow && filled.length === 1) return [shortText(filled[0]!)];
  const mapped = Object.keys(mapHeaders(texts, register).mapping)
    .map(Number)
    .sort((a, b) => a - b);
  return mapped
    .filter((index) => badText(texts[index]!) === null)
    .slice(0, TOP_CELLS)
    .map((index) => shortText(texts[index]!));
}

const badHeaderRow = (row: number) =>
  new ImportError('bad_header_row', {
    zh: `表头行无效：前 ${HEADER_SCAN} 个非空行中没有第 ${row} 行，请重新选择`,
    en: `Invalid header row: row ${row} is not among the first ${HEADER_SCAN} non-empty rows; choose again`,
  });

/** Index in `scan` of the header: the clerk's row, else the best-scoring one. */
function headerIndex(scan: readonly SheetRow[], register: RegisterDef, chosen: number | undefined): number {
  if (chosen !== undefined) {
    const index = scan.findIndex((r) => r.row === chosen);
    if (index < 0) throw badHeaderRow(chosen);
    return index;
  }
  let best = 0;
  let bestScore = 0;
  scan.forEach((r, index) => {
    const score = headerScore(
      r.cells.map((c) => cellToText(c)),
      register,
    );
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** A workbook's rows, one at a time, in the shape the CSV parser hands them over. */
async function* oneByOne(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow[]> {
  for await (const row of rows) yield [row];
}

/** Work done between two turns of the event loop, at most (a row or a parser chunk may overrun it a little). */
const TURN_MS = 20;

/** The header row as text; a header that cannot be stored (NUL, lone surrogate) refuses the file, as it names every error of its column. */
function headerTexts(cells: readonly CellValue[]): string[] {
  return cells.map((cell, index) => {
    const text = cellToText(cell);
    if (badText(text)) {
      throw new ImportError('bad_text', {
        zh: `表头第 ${index + 1} 列含有不可见的空字符（NUL）或无法识别的字符，请删除后再导入`,
        en: `Header column ${index + 1} contains an invisible NUL or unreadable characters; remove them and import again`,
      });
    }
    return text;
  });
}

function missingColumnErrors(row: number, mapping: HeaderMappingResult): RowError[] {
  // Without a required column every row would fail the same way: say it once.
  return mapping.missingRequired.map((missing) => ({
    row,
    column: missing.label,
    field: missing.key,
    zh: `缺少必填列「${missing.label}」，请检查表头或手动指定列对应关系`,
    en: `Required column "${missing.label}" is missing; check the header row or map the column by hand`,
  }));
}

export async function streamPreview(input: StreamPreviewInput): Promise<PreviewSummary> {
  const register = input.register;
  const limits = resolveLimits(input.limits);
  if (input.bytes.length > limits.maxBytes) throw tooLarge(limits);
  const format = detectFormat(input.bytes);
  let sheets: SheetChoice | null = null;
  // Rows come a parsed slice at a time (CSV) so the loop below awaits per slice, not per row.
  const batches: AsyncIterable<SheetRow[]> =
    format === 'xlsx'
      ? oneByOne(parseXlsxRows(input.bytes, limits, { sheet: input.sheet, onSheets: (choice) => (sheets = choice) }))
      : parseCsvBatches(input.bytes, limits);
  const every = Math.max(1, input.progressEvery ?? 1000);
  const chunkSize = Math.max(1, input.chunkSize ?? 5_000);
  const latest = latestPlausibleDate(input.now);

  let headers: string[] | null = null;
  let mapping: HeaderMappingResult | null = null;
  let check: RowChecker | null = null;
  let warn: WarningChecker | null = null;
  let headerRow = 0;
  let totalRows = 0;
  let validCount = 0;
  let errorRowCount = 0;
  let duplicateCount = 0;
  let warningRowCount = 0;
  // The only thing kept for the whole file: one fingerprint per distinct valid row.
  const seen = new Set<string>();
  let chunk: RowOutcome[] = [];
  /** Hand the outcomes gathered so far to the caller once a chunk is full (or at the end). */
  const handOver = async (atLeast: number) => {
    if (chunk.length < atLeast) return;
    const full = chunk;
    chunk = [];
    await input.onRows(full);
  };

  /** One data row's outcome, into the chunk; synchronous, so a slice of rows runs without an await each. */
  const dataRow = (sheetRow: SheetRow) => {
    totalRows++;
    if (check && warn) {
      const result = check(sheetRow);
      if (result.ok) {
        const fingerprint = rowFingerprint(register, result.values);
        if (seen.has(fingerprint)) {
          duplicateCount++;
          chunk.push({ outcome: 'duplicate', row: sheetRow.row });
        } else {
          seen.add(fingerprint);
          validCount++;
          const warnings = warn(sheetRow.row, result.values);
          if (warnings.length > 0) warningRowCount++;
          chunk.push({ outcome: 'valid', row: sheetRow.row, values: result.values, fingerprint, warnings });
        }
      } else {
        errorRowCount++;
        chunk.push({ outcome: 'error', row: sheetRow.row, errors: result.errors });
      }
    }
    if (totalRows % every === 0) input.onProgress?.(totalRows);
  };

  // The first rows, held until the header is known; then the header's mapping and the rows below it.
  const scan: SheetRow[] = [];
  const decideHeader = async () => {
    const index = headerIndex(scan, register, input.headerRow);
    const header = scan[index]!;
    headerRow = header.row;
    const h = headerTexts(header.cells);
    const m = mapHeaders(h, register, input.mapping);
    headers = h;
    mapping = m;
    if (m.missingRequired.length > 0) {
      // Without a required column every row would fail the same way: it is said once, and no row is checked.
      errorRowCount++;
      chunk.push({ outcome: 'error', row: header.row, errors: missingColumnErrors(header.row, m) });
      await handOver(chunkSize);
    } else {
      check = rowChecker(register, m.mapping, h, { now: input.now });
      warn = warningChecker(register, m.mapping, h, latest);
    }
    for (const below of scan.slice(index + 1)) {
      dataRow(below);
      await handOver(chunkSize);
    }
  };

  let turnStarted = performance.now();
  for await (const batch of batches) {
    for (const sheetRow of batch) {
      // Parsing and validation run on microtasks only: without a turn of the event loop now
      // and then, a large file holds the server for seconds and no other request (nor the
      // progress writes) runs until the end. Give the loop a turn every TURN_MS of work.
      if (performance.now() - turnStarted > TURN_MS) {
        await setImmediate();
        turnStarted = performance.now();
      }
      if (headers) {
        dataRow(sheetRow);
        await handOver(chunkSize);
        continue;
      }
      scan.push(sheetRow);
      if (scan.length >= HEADER_SCAN) await decideHeader();
    }
  }
  if (!headers && scan.length > 0) await decideHeader();

  if (!headers || !mapping) {
    throw new ImportError('empty', {
      zh: `文件“${input.fileName}”中没有数据（第一行应为表头）`,
      en: `The file "${input.fileName}" contains no data (the first row should be the header)`,
    });
  }
  await handOver(1);
  input.onProgress?.(totalRows);
  const topRows = scan.map((r) => ({ row: r.row, cells: pickerCells(r, register, headerRow) }));
  return {
    fileName: input.fileName,
    format,
    register: register.key,
    headers,
    mapping,
    totalRows,
    headerRow,
    topRows,
    sheets,
    warningRowCount,
    validCount,
    errorRowCount,
    duplicateCount,
  };
}

/** The whole preview in memory: convenient for small files and tests; the app stages with streamPreview. */
export async function previewImport(input: PreviewInput): Promise<PreviewResult> {
  const validRows: ValidRow[] = [];
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  const duplicateRowsInFile: number[] = [];
  const summary = await streamPreview({
    ...input,
    onRows: (rows) => {
      for (const row of rows) {
        if (row.outcome === 'valid') {
          validRows.push({ row: row.row, values: row.values, fingerprint: row.fingerprint, warnings: row.warnings });
          warnings.push(...row.warnings);
        } else if (row.outcome === 'duplicate') duplicateRowsInFile.push(row.row);
        else errors.push(...row.errors);
      }
    },
  });
  const { fileName, format, register, headers, mapping, totalRows, headerRow, topRows, sheets, warningRowCount } =
    summary;
  return {
    fileName,
    format,
    register,
    headers,
    mapping,
    totalRows,
    headerRow,
    topRows,
    sheets,
    warningRowCount,
    validRows,
    warnings,
    errors,
    duplicateRowsInFile,
  };
}
