/**
 * .xlsx bytes → rows of the first visible worksheet, in the same shape as csv.ts.
 *
 * The zip is checked by zip-guard.ts first (bombs, truncation, non-zip, local headers
 * that disagree with the central directory). Then the parts are read through the
 * central directory only, each inflated under caps (zip-entry-stream.ts), by exceljs's
 * own part parsers (exceljs-parts.ts): workbook, relationships, shared strings, styles,
 * then the worksheet, streamed row by row instead of building the workbook model.
 * The sheet read is the one the clerk chose (by tab name), else the first tab in workbook
 * order (workbook.xml's <sheets>, what the clerk sees; the parts in the zip may be in
 * another order after tabs were moved) that is not hidden: a hidden tab is not what they
 * meant to import. The visible tabs and the one read are reported (`onSheets`), so the
 * preview can say which sheet it read when there are several and offer the others.
 *
 * Cells are reduced to plain values: rich text → its text, dates → 'YYYY-MM-DD'
 * (with ' HH:mm' when a time is present), formulas → their cached result (never the
 * formula text), hyperlinks → their text, error cells → the error code ('#N/A').
 */
import type { Readable } from 'node:stream';
import { dateToYmd } from './dates.ts';
import { ImportError } from './errors.ts';
import { WorkbookParts, type SheetReader, type SheetTab } from './exceljs-parts.ts';
import { tooManyColumns, tooManyRows } from './limit-errors.ts';
import { resolveLimits, type ImportLimits } from './limits.ts';
import { isEmptyCell, type CellValue, type SheetRow } from './validate-row.ts';
import { entryStream, inflateBudget } from './zip-entry-stream.ts';
import { checkZip, type CheckedZipEntry } from './zip-guard.ts';

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

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
    if (Array.isArray(o.richText))
      return (o.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
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

const notWorkbook = () =>
  new ImportError('not_workbook', {
    zh: '该文件是压缩包，但不是 Excel 工作簿（缺少工作簿或工作表），请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入',
    en: 'The file is a zip archive but not an Excel workbook (no workbook or worksheet in it); save it from Excel as "Excel Workbook (*.xlsx)" and import again',
  });

/** Which tabs the workbook shows and which one was read. */
export interface SheetChoice {
  /** Visible tabs, in workbook order. */
  sheets: string[];
  sheet: string;
}

export interface XlsxOptions {
  /** Tab to read, by name; the first visible tab when unset. */
  sheet?: string;
  onSheets?: (choice: SheetChoice) => void;
}

const noSuchSheet = (name: string) =>
  new ImportError('bad_sheet', {
    zh: `工作簿中没有名为“${name}”的可见工作表，请重新选择`,
    en: `The workbook has no visible sheet named "${name}"; choose again`,
  });

/** Visible tabs whose worksheet part is in the zip; the parts in archive order when workbook.xml lists none (hand-made files). */
function readableTabs(
  parts: WorkbookParts,
  sheets: CheckedZipEntry[],
  byName: Map<string, CheckedZipEntry>,
): SheetTab[] {
  const tabs = parts.tabs();
  if (tabs.length === 0)
    return sheets.map((entry, index) => ({ name: String(index + 1), hidden: false, part: entry.name }));
  return tabs.filter((tab) => !tab.hidden && tab.part !== null && byName.has(tab.part));
}

/** The chosen sheet's reader; its stream is read only when iterated. */
function chosenSheet(
  parts: WorkbookParts,
  tabs: SheetTab[],
  options: XlsxOptions,
  open: (entry: CheckedZipEntry) => Readable,
  byName: Map<string, CheckedZipEntry>,
): SheetReader {
  const tab = options.sheet === undefined ? tabs[0] : tabs.find((t) => t.name === options.sheet);
  if (!tab) throw options.sheet === undefined ? notWorkbook() : noSuchSheet(options.sheet);
  options.onSheets?.({ sheets: tabs.map((t) => t.name), sheet: tab.name });
  const entry = byName.get(tab.part!)!;
  return parts.worksheet(open(entry), SHEET_PART.exec(entry.name)?.[1] ?? tab.name);
}

/** Yield the first visible worksheet's non-empty rows; the first one is the header. */
export async function* parseXlsxRows(
  bytes: Uint8Array,
  limitsIn?: Partial<ImportLimits>,
  options: XlsxOptions = {},
): AsyncGenerator<SheetRow> {
  const limits = resolveLimits(limitsIn);
  const entries = checkZip(bytes, limits);
  const byName = new Map(entries.map((entry) => [entry.name, entry] as const));
  const workbook = byName.get('xl/workbook.xml');
  const sheets = entries.filter((entry) => SHEET_PART.test(entry.name));
  if (!workbook || sheets.length === 0) throw notWorkbook();

  // One allowance for the whole file: every part read below draws on it.
  const budget = inflateBudget(limits);
  const opened: Readable[] = [];
  const open = (entry: CheckedZipEntry) => {
    const stream = entryStream(bytes, entry, limits, budget);
    opened.push(stream);
    return stream;
  };
  const parts = new WorkbookParts();
  const optional = async (name: string, read: (entry: Readable) => Promise<void>) => {
    const entry = byName.get(name);
    if (entry) await read(open(entry));
  };

  let dataRows = 0;
  let sawHeader = false;
  try {
    await parts.workbook(open(workbook));
    await optional('xl/_rels/workbook.xml.rels', (entry) => parts.relationships(entry));
    await optional('xl/sharedStrings.xml', (entry) => parts.sharedStrings(entry));
    await optional('xl/styles.xml', (entry) => parts.styles(entry));
    for await (const row of chosenSheet(parts, readableTabs(parts, sheets, byName), options, open, byName)) {
      // row.values is 1-based and sparse: index 0 is unused, gaps are empty cells. exceljs
      // refuses column letters past XFD, so a row never has more than 16,384 of them.
      const raw = row.values as unknown[];
      let last = raw.length - 1;
      while (last > 0 && isEmptyCell(plainCellValue(raw[last]))) last--;
      if (last > limits.maxColumns) throw tooManyColumns(row.number, last, limits);
      const cells: CellValue[] = [];
      for (let i = 1; i <= last; i++) cells.push(plainCellValue(raw[i]));
      if (cells.length === 0) continue;
      if (sawHeader && ++dataRows > limits.maxRows) throw tooManyRows(limits);
      sawHeader = true;
      yield { row: row.number, cells };
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw unreadable();
  } finally {
    // A refusal mid-sheet (or a consumer that stops early) must not leave an inflater behind.
    for (const stream of opened) stream.destroy();
  }
}
