/**
 * Is this "CSV" text at all? Anything that is not a zip goes to the CSV parser, so a
 * photo, a PDF or an old .xls renamed .csv would otherwise be "parsed" into one garbage
 * header and a preview full of nonsense. Text in UTF-8 or GB18030 never contains C0
 * control bytes other than tab, line feed, form feed and carriage return (multibyte
 * sequences use bytes ≥ 0x30), while binary formats and UTF-16 are full of them.
 *
 * Rule, on the first 64 KiB: more than max(3, 1%) control bytes other than NUL, or more
 * than 10% NULs → not text. NULs are counted apart because a text export that pads a
 * field with NULs is still a readable ledger: each NUL in a mapped cell becomes an error
 * naming its row and column (validate-row.ts), so the clerk can find it; binary formats
 * carry other control bytes besides, and UTF-16 without a BOM is NUL every other byte.
 * A UTF-16 BOM (Excel's "Unicode 文本") is text by definition and skips the count.
 */
import { utf16Bom } from './decode.ts';
import { ImportError } from './errors.ts';

const PREFIX = 64 * 1024;
/** Excel 97–2003 (.xls) and other OLE2 compound files. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** NUL is counted on its own, see the rule above. */
function isControl(byte: number): boolean {
  return (
    (byte > 0x00 && byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f
  );
}

const oldExcel = () =>
  new ImportError('old_excel', {
    zh: '这是旧版 Excel 97-2003 (.xls) 文件，系统不读取此格式：请在 Excel 或 WPS 中打开，请另存为 .xlsx 或 CSV 后再导入',
    en: 'This is an old Excel 97-2003 (.xls) file, a format the system does not read: open it in Excel or WPS, save it as .xlsx or CSV and import again',
  });

const notText = () =>
  new ImportError('not_text', {
    zh: '文件既不是 .xlsx 工作簿，也不是文本格式的 CSV（可能是图片、PDF 或其他二进制文件），请在 Excel 中另存为 .xlsx 或“CSV UTF-8”后再导入',
    en: 'The file is neither an .xlsx workbook nor a text CSV (it may be an image, a PDF or another binary file); save it from Excel as .xlsx or "CSV UTF-8" and import again',
  });

/** Pass the chunks through unchanged, refusing the stream once its first 64 KiB (or all of it, if shorter) look binary. */
export async function* refuseBinary(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const head: number[] = [];
  let seen = 0;
  let controls = 0;
  let nuls = 0;
  let decided = false;
  const decide = () => {
    decided = true;
    if (head.length === OLE2.length && OLE2.every((b, i) => head[i] === b)) throw oldExcel();
    if (utf16Bom(Uint8Array.from(head))) return;
    if (controls > Math.max(3, seen / 100) || nuls > Math.max(3, seen / 10)) throw notText();
  };
  for await (const chunk of chunks) {
    if (!decided) {
      const part = chunk.subarray(0, PREFIX - seen);
      for (let i = 0; i < part.length; i++) {
        if (head.length < OLE2.length) head.push(part[i]!);
        if (part[i] === 0) nuls++;
        else if (isControl(part[i]!)) controls++;
      }
      seen += part.length;
      // Two bytes are enough to know a UTF-16 BOM: decide then, before its NULs are counted as binary.
      if (seen >= PREFIX || (seen >= 2 && utf16Bom(Uint8Array.from(head)))) decide();
    }
    yield chunk;
  }
  if (!decided) decide();
}
