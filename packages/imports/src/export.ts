/**
 * Register rows → CSV or .xlsx for download.
 *
 * CSV is UTF-8 WITH a BOM (without it Excel on Chinese Windows reads UTF-8 as GBK and
 * shows mojibake), CRLF line ends (RFC 4180, and what Excel writes), cells quoted when
 * they contain a quote, comma, CR or LF.
 *
 * Formula injection (CSV injection): a text cell beginning with = + - @ TAB or CR is
 * run as a formula by Excel/WPS when opened ("=cmd|' /C calc'!A0"). Such cells get a
 * leading apostrophe, which spreadsheet programs show as text. Numbers are written as
 * numbers and never altered (so -5 stays the number -5); only strings are neutralised.
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface ExportColumn {
  key: string;
  header: string;
}

export type ExportValue = string | number | boolean | Date | null | undefined;
export type ExportRow = Record<string, ExportValue>;

const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(s: string): string {
  return DANGEROUS_START.test(s) ? `'${s}` : s;
}

function exportText(v: ExportValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return neutraliseFormula(v);
}

function csvQuote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A header line, or a row, as one CSV line without its line end. */
function csvLine(cells: readonly string[]): string {
  return cells.map(csvQuote).join(',');
}

/** Rows arrive in pages (a keyset-paged query); a plain array is one page. */
export type ExportPages = AsyncIterable<readonly ExportRow[]> | Iterable<readonly ExportRow[]>;

/**
 * CSV, one chunk per page: the BOM and header first, then each page's lines, so a large
 * export is never held whole in memory.
 */
export async function* csvChunks(pages: ExportPages, columns: readonly ExportColumn[]): AsyncGenerator<Buffer> {
  yield Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${csvLine(columns.map((c) => neutraliseFormula(c.header)))}\r\n`, 'utf8'),
  ]);
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield Buffer.from(
      `${page.map((row) => csvLine(columns.map((c) => exportText(row[c.key])))).join('\r\n')}\r\n`,
      'utf8',
    );
  }
}

export function toCsv(rows: readonly ExportRow[], columns: readonly ExportColumn[]): Buffer {
  const lines = [csvLine(columns.map((c) => neutraliseFormula(c.header)))];
  for (const row of rows) lines.push(csvLine(columns.map((c) => exportText(row[c.key]))));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

function xlsxCells(row: ExportRow, columns: readonly ExportColumn[]): Array<string | number | boolean | Date | null> {
  // Strings are written as string cells, so exceljs never makes formulas of them;
  // the apostrophe still protects users who re-save the sheet as CSV.
  return columns.map((c) => {
    const v = row[c.key];
    return v === undefined || v === null ? null : typeof v === 'string' ? neutraliseFormula(v) : v;
  });
}

/**
 * .xlsx through exceljs's streaming writer: each row is committed (serialised and handed to
 * the zip) as it is added, strings are inline rather than in a shared-strings table (which
 * would grow with every distinct value), and after each page the writer waits while `output`
 * holds more than its high-water mark, so a slow client holds back the query instead of
 * the server buffering the file. Memory stays about one page, whatever the row count
 * (a 198,081-row export held in one workbook took the server from 767 MiB to 2,265 MiB).
 * Returns the number of data rows written.
 */
export async function writeXlsx(
  pages: ExportPages,
  columns: readonly ExportColumn[],
  sheetName: string,
  output: Writable,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ key: c.key, width: Math.max(10, c.header.length * 2 + 2) }));
  sheet.addRow(columns.map((c) => neutraliseFormula(c.header))).commit();
  let written = 0;
  for await (const page of pages) {
    for (const row of page) sheet.addRow(xlsxCells(row, columns)).commit();
    written += page.length;
    if (output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

export async function toXlsx(
  rows: readonly ExportRow[],
  columns: readonly ExportColumn[],
  sheetName = 'Sheet1',
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(sink, 'end');
  await writeXlsx([rows], columns, sheetName, sink);
  await ended;
  return Buffer.concat(chunks);
}
