/**
 * .xlsx bytes → rows of the first worksheet, in the same shape as csv.ts.
 *
 * The zip is checked by zip-guard.ts first (bombs, truncation, non-zip), then read with
 * exceljs's streaming WorkbookReader so rows are handed over one by one instead of
 * building the whole workbook model. "First worksheet" is the first sheet part in the
 * archive (xl/worksheets/sheet1.xml for files saved by Excel, WPS or LibreOffice).
 *
 * Cells are reduced to plain values: rich text → its text, dates → 'YYYY-MM-DD'
 * (with ' HH:mm' when a time is present), formulas → their cached result (never the
 * formula text), hyperlinks → their text, error cells → the error code ('#N/A').
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { tooManyRows } from './csv.ts';
import { dateToYmd } from './dates.ts';
import { ImportError } from './errors.ts';
import { resolveLimits, type ImportLimits } from './limits.ts';
import { isEmptyCell, type CellValue, type SheetRow } from './validate-row.ts';
import { checkZip } from './zip-guard.ts';

function dateCell(d: Date): string | null {
  const ymd = dateToYmd(d);
  if (!ymd) return null;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${ymd} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` : ymd;
}

/** exceljs cell value (any of its shapes) → CellValue. Exported for tests. */
export function plainCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateCell(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
    if ('formula' in o || 'sharedFormula' in o) return plainCellValue(o.result);
    if ('error' in o) return String(o.error);
    if ('text' in o) return plainCellValue(o.text); // hyperlink
  }
  return String(v);
}

const unreadable = () =>
  new ImportError('unreadable', {
    zh: '无法读取该 .xlsx 文件（文件可能已损坏），请在 Excel 中重新保存后再导入',
    en: 'The .xlsx file could not be read (it may be damaged); save it again from Excel and import again',
  });

/** Yield the first worksheet's non-empty rows; the first one is the header. */
export async function* parseXlsxRows(bytes: Uint8Array, limitsIn?: Partial<ImportLimits>): AsyncGenerator<SheetRow> {
  const limits = resolveLimits(limitsIn);
  checkZip(bytes, limits);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date-formatted numbers from plain numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  let dataRows = 0;
  let sawHeader = false;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        // row.values is 1-based and sparse: index 0 is unused, gaps are empty cells.
        const raw = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < raw.length; i++) cells.push(plainCellValue(raw[i]));
        if (cells.every((c) => isEmptyCell(c))) continue;
        if (sawHeader && ++dataRows > limits.maxRows) throw tooManyRows(limits);
        sawHeader = true;
        yield { row: row.number, cells };
      }
      break; // first worksheet only
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw unreadable();
  }
}
