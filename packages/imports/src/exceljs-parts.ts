/**
 * exceljs's streaming reader, fed one part at a time by us instead of by its own zip
 * walker. `WorkbookReader.parse()` pipes the file through unzipper, which walks the
 * *local* headers from the start of the file and inflates each entry without limit: an
 * entry the central directory does not list would be read (and a bomb inflated) behind
 * the guard's back. So we hand exceljs's part parsers the streams of entries we chose
 * through the central directory (zip-entry-stream.ts), and keep its cell semantics
 * (shared strings, styles → dates, formulas → cached results, the 1904 date system).
 *
 * These part parsers are exceljs's own methods, not declared in its typings: they are
 * declared here, and the dependency is pinned to the exact version they were read from
 * (4.4.0, lib/stream/xlsx/workbook-reader.js). The tests read real workbooks through
 * them, so an upgrade that changes them fails there first.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

declare module 'exceljs' {
  /** What _parseWorkbook puts in model.sheets for each <sheet> of workbook.xml, beyond the declared fields. */
  interface WorksheetModel {
    rId?: string;
    state?: string;
  }
  namespace stream {
    namespace xlsx {
      interface WorkbookReader {
        _parseWorkbook(entry: Readable): Promise<void>;
        _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
        _parseStyles(entry: Readable): Promise<void>;
        _parseRels(entry: Readable): Promise<void>;
        _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: WorksheetReader }>;
        /** Set by _parseRels: the relationships of workbook.xml. */
        workbookRels?: { Id?: string; Target?: string }[];
      }
      interface WorksheetReader {
        /** From workbook.xml: 'visible', 'hidden' or 'veryHidden' (unset when the sheet is not listed there). */
        state?: string;
      }
    }
  }
}

export type SheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/** One tab of the workbook, in the order the clerk sees the tabs. */
export interface SheetTab {
  name: string;
  hidden: boolean;
  /** The zip entry of its worksheet part ('xl/worksheets/sheet2.xml'), or null when the relationship is missing. */
  part: string | null;
}

/** A relationship target ('worksheets/sheet1.xml', or absolute '/xl/worksheets/sheet1.xml') → zip entry name. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Reads the parts of one workbook in the order their dependencies need. */
export class WorkbookParts {
  private readonly reader = new ExcelJS.stream.xlsx.WorkbookReader('', {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date-formatted numbers from plain numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  /** xl/workbook.xml: sheet names and states, the 1904 date system. */
  workbook(entry: Readable): Promise<void> {
    return this.reader._parseWorkbook(entry);
  }

  /** xl/_rels/workbook.xml.rels: which sheet part is which sheet. */
  relationships(entry: Readable): Promise<void> {
    return this.reader._parseRels(entry);
  }

  async sharedStrings(entry: Readable): Promise<void> {
    // With sharedStrings: 'cache' the generator yields nothing; running it fills the cache.
    for await (const _ of this.reader._parseSharedStrings(entry)) void _;
  }

  styles(entry: Readable): Promise<void> {
    return this.reader._parseStyles(entry);
  }

  /** The tabs in workbook order (workbook.xml's <sheets>), which is not always the order of the parts in the zip. */
  tabs(): SheetTab[] {
    const rels = new Map((this.reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target] as const));
    // model is unset until _parseWorkbook ran, whatever the typings say.
    return (this.reader.model?.sheets ?? []).map((sheet, index) => {
      const target = sheet.rId ? rels.get(sheet.rId) : undefined;
      return {
        name: sheet.name ?? String(index + 1),
        hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
        part: target ? partName(target) : null,
      };
    });
  }

  /** A reader for a worksheet part (`sheetNo` from xl/worksheets/sheetN.xml); nothing is read until it is iterated. */
  worksheet(entry: Readable, sheetNo: string): SheetReader {
    for (const { eventType, value } of this.reader._parseWorksheet(entry, sheetNo)) {
      if (eventType === 'worksheet') return value;
    }
    throw new Error('exceljs emitted no worksheet reader');
  }
}
