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

export function toCsv(rows: readonly ExportRow[], columns: readonly ExportColumn[]): Buffer {
  const lines = [columns.map((c) => csvQuote(neutraliseFormula(c.header))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvQuote(exportText(row[c.key]))).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export async function toXlsx(rows: readonly ExportRow[], columns: readonly ExportColumn[], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: neutraliseFormula(c.header), key: c.key, width: Math.max(10, c.header.length * 2 + 2) }));
  for (const row of rows) {
    const out: Record<string, string | number | boolean | Date | null> = {};
    for (const c of columns) {
      const v = row[c.key];
      // Strings are written as string cells, so exceljs never makes formulas of them;
      // the apostrophe still protects users who re-save the sheet as CSV.
      out[c.key] = v === undefined || v === null ? null : typeof v === 'string' ? neutraliseFormula(v) : v;
    }
    sheet.addRow(out);
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
