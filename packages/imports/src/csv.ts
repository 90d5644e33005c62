/**
 * CSV bytes → rows. Bytes are decoded by decode.ts and papaparse only ever sees strings:
 * papaparse's own Node decoding splits multibyte characters across chunks (#751) and
 * knows nothing of GBK.
 *
 * We drive papaparse's low-level Parser incrementally: each decoded chunk is appended
 * to a buffer, complete records are parsed (ignoreLastRow keeps an unfinished record,
 * including a quoted cell that spans lines, for the next round) and yielded at once, so
 * memory stays bounded by one chunk plus one record.
 */
import Papa from 'papaparse';
import { decodeStream } from './decode.ts';
import { ImportError } from './errors.ts';
import { formatBytes, resolveLimits, type ImportLimits } from './limits.ts';
import { isEmptyCell, type SheetRow } from './validate-row.ts';

export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

type Newline = '\r\n' | '\n' | '\r';

/** 1 MiB slices: big enough to be fast, small enough that a 20 MiB file streams. */
const SLICE_BYTES = 1024 * 1024;

async function* toChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += SLICE_BYTES) yield source.subarray(i, i + SLICE_BYTES);
    return;
  }
  yield* source;
}

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

async function* limitBytes(source: ByteSource, limits: ImportLimits): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of toChunks(source)) {
    total += chunk.length;
    if (total > limits.maxBytes) throw tooLarge(limits);
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
  const limits = resolveLimits(limitsIn);
  let buffer = '';
  let parser: Papa.Parser | null = null;
  let rowNumber = 0;
  let dataRows = 0;
  let sawHeader = false;

  function* emit(records: string[][]): Generator<SheetRow> {
    for (const cells of records) {
      rowNumber++;
      if (rowNumber === 1 && cells[0] !== undefined) cells[0] = cells[0].replace(/^\uFEFF/, '');
      if (cells.every((c) => isEmptyCell(c))) continue;
      if (sawHeader && ++dataRows > limits.maxRows) throw tooManyRows(limits);
      sawHeader = true;
      yield { row: rowNumber, cells };
    }
  }

  const makeParser = (final: boolean): Papa.Parser | null => {
    const newline = guessNewline(buffer);
    if (!newline && !final) return null; // wait until one full line is there
    return new Papa.Parser({ delimiter: guessDelimiter(buffer), newline: newline ?? '\n', quoteChar: '"' });
  };

  try {
    for await (const text of decodeStream(limitBytes(source, limits))) {
      buffer += text;
      parser ??= makeParser(false);
      if (!parser) continue;
      const result = parser.parse(buffer, 0, true) as { data: string[][]; meta: { cursor: number } };
      buffer = buffer.slice(result.meta.cursor);
      yield* emit(result.data);
    }
    parser ??= makeParser(true);
    if (parser && buffer) {
      const result = parser.parse(buffer, 0, false) as { data: string[][] };
      buffer = '';
      yield* emit(result.data);
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
