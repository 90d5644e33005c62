/**
 * CSV bytes → rows. Bytes are decoded by decode.ts and papaparse only ever sees strings:
 * papaparse's own Node decoding splits multibyte characters across chunks (#751) and
 * knows nothing of GBK.
 *
 * We drive papaparse's low-level Parser incrementally: each decoded chunk is appended
 * to a buffer, complete records are parsed (ignoreLastRow keeps an unfinished record,
 * including a quoted cell that spans lines, for the next round) and yielded at once, so
 * memory stays bounded by one chunk plus one record.
 *
 * Limits are enforced while the bytes stream in, before a row is worked on: the file
 * size and the line length on the raw bytes (CR and LF bytes never occur inside a UTF-8
 * or GB18030 character), the length of an unfinished record (an unclosed quote) after
 * each chunk, then the cells of each record as papaparse hands it over, before header
 * mapping or validation see it. The line cap is what bounds the cost of that one record.
 */
import Papa from 'papaparse';
import { decodeStream } from './decode.ts';
import { ImportError } from './errors.ts';
import { lineTooLong, tooLarge, tooManyColumns, tooManyRows } from './limit-errors.ts';
import { resolveLimits, type ImportLimits } from './limits.ts';
import { refuseBinary } from './text-sniff.ts';
import { isEmptyCell, type SheetRow } from './validate-row.ts';

export { tooLarge, tooManyRows } from './limit-errors.ts';

export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

type Newline = '\r\n' | '\n' | '\r';

/** 256 KiB slices: papaparse parses one slice in a single synchronous call, so a slice must stay well under ~50 ms. */
const SLICE_BYTES = 256 * 1024;

async function* toChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += SLICE_BYTES) yield source.subarray(i, i + SLICE_BYTES);
    return;
  }
  yield* source;
}

/** Trailing empty cells (Excel writes them for a wide used range) are not columns. */
function withoutTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && isEmptyCell(cells[end - 1])) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** The byte-level limits: total size, and the longest run of bytes without CR or LF. */
async function* limitBytes(source: ByteSource, limits: ImportLimits): AsyncGenerator<Uint8Array> {
  let total = 0;
  let run = 0; // bytes since the last line break
  let line = 1;
  let afterCr = false;
  for await (const chunk of toChunks(source)) {
    total += chunk.length;
    if (total > limits.maxBytes) throw tooLarge(limits);
    // Each line break is found with indexOf (memchr), not byte by byte in JavaScript.
    let at = 0;
    let nextLf = chunk.indexOf(0x0a);
    let nextCr = chunk.indexOf(0x0d);
    for (;;) {
      const next = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (next < 0) {
        run += chunk.length - at;
        if (chunk.length > at) afterCr = false;
        if (run > limits.maxLineBytes) throw lineTooLong(line, limits);
        break;
      }
      run += next - at;
      if (run > limits.maxLineBytes) throw lineTooLong(line, limits);
      run = 0;
      const isLf = chunk[next] === 0x0a;
      if (!(isLf && afterCr && next === at)) line++; // CRLF is one break
      afterCr = !isLf;
      at = next + 1;
      if (isLf) nextLf = chunk.indexOf(0x0a, at);
      else nextCr = chunk.indexOf(0x0d, at);
    }
    yield chunk;
  }
}

function guessNewline(text: string): Newline | null {
  const m = /\r\n|\n|\r(?!$)/.exec(text);
  return m ? (m[0] as Newline) : null;
}

/** Comma unless the first line clearly uses tabs or semicolons (some tools export those). */
function guessDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * Yield every non-empty record with its spreadsheet row number (a record is one row even
 * when a quoted cell spans several lines, as in Excel). The first yielded row is the header.
 */
export async function* parseCsvRows(source: ByteSource, limitsIn?: Partial<ImportLimits>): AsyncGenerator<SheetRow> {
  for await (const rows of parseCsvBatches(source, limitsIn)) yield* rows;
}

/**
 * parseCsvRows, the records of one parsed slice (at most SLICE_BYTES of text) at a time:
 * the preview works through a slice's rows without an await per row.
 */
export async function* parseCsvBatches(
  source: ByteSource,
  limitsIn?: Partial<ImportLimits>,
): AsyncGenerator<SheetRow[]> {
  const limits = resolveLimits(limitsIn);
  let buffer = '';
  let parser: Papa.Parser | null = null;
  let rowNumber = 0;
  let dataRows = 0;
  let sawHeader = false;

  function emit(records: string[][]): SheetRow[] {
    const rows: SheetRow[] = [];
    for (const record of records) {
      rowNumber++;
      if (rowNumber === 1 && record[0] !== undefined) record[0] = record[0].replace(/^\uFEFF/, '');
      const cells = withoutTrailingEmpty(record);
      if (cells.length > limits.maxColumns) throw tooManyColumns(rowNumber, cells.length, limits);
      // A record of many short lines (a quoted cell spanning lines) is held to the line cap as a whole.
      let length = cells.length;
      for (const cell of cells) length += cell.length;
      if (length > limits.maxLineBytes) throw lineTooLong(rowNumber, limits);
      if (cells.every((c) => isEmptyCell(c))) continue;
      if (sawHeader && ++dataRows > limits.maxRows) throw tooManyRows(limits);
      sawHeader = true;
      rows.push({ row: rowNumber, cells });
    }
    return rows;
  }

  const makeParser = (final: boolean): Papa.Parser | null => {
    const newline = guessNewline(buffer);
    if (!newline && !final) return null; // wait until one full line is there
    return new Papa.Parser({ delimiter: guessDelimiter(buffer), newline: newline ?? '\n', quoteChar: '"' });
  };

  try {
    for await (const text of decodeStream(refuseBinary(limitBytes(source, limits)))) {
      buffer += text;
      parser ??= makeParser(false);
      if (!parser) continue;
      const result = parser.parse(buffer, 0, true) as { data: string[][]; meta: { cursor: number } };
      buffer = buffer.slice(result.meta.cursor);
      const rows = emit(result.data);
      if (rows.length > 0) yield rows;
      // What is left is one unfinished record: an unclosed quote must not grow it to the whole file.
      // (Characters never outnumber bytes in UTF-8 or GB18030, so this under-counts bytes, never over.)
      if (buffer.length > limits.maxLineBytes) throw lineTooLong(rowNumber + 1, limits);
    }
    parser ??= makeParser(true);
    if (parser && buffer) {
      const result = parser.parse(buffer, 0, false) as { data: string[][] };
      buffer = '';
      const rows = emit(result.data);
      if (rows.length > 0) yield rows;
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // TextDecoder in fatal mode: bytes that are neither UTF-8 nor GB18030 past the prefix.
    if (e instanceof TypeError) {
      throw new ImportError('unreadable', {
        zh: '文件编码无法识别，请在 Excel 中另存为“CSV UTF-8”或默认的 CSV（GBK）后再导入',
        en: 'The file encoding could not be recognised; save it from Excel as "CSV UTF-8" or plain CSV (GBK) and import again',
      });
    }
    throw e;
  }
}
