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
  namespace stream {
    namespace xlsx {
      interface WorkbookReader {
        _parseWorkbook(entry: Readable): Promise<void>;
        _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
        _parseStyles(entry: Readable): Promise<void>;
        _parseRels(entry: Readable): Promise<void>;
        _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: WorksheetReader }>;
      }
      interface WorksheetReader {
        /** From workbook.xml: 'visible', 'hidden' or 'veryHidden' (unset when the sheet is not listed there). */
        state?: string;
      }
    }
  }
}

export type SheetReader = ExcelJS.stream.xlsx.WorksheetReader;

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

  /** A reader for a worksheet part (`sheetNo` from xl/worksheets/sheetN.xml); nothing is read until it is iterated. */
  worksheet(entry: Readable, sheetNo: string): SheetReader {
    for (const { eventType, value } of this.reader._parseWorksheet(entry, sheetNo)) {
      if (eventType === 'worksheet') return value;
    }
    throw new Error('exceljs emitted no worksheet reader');
  }
}
