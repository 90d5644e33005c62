/**
 * Decompression-bomb and corruption checks for .xlsx (a zip), run BEFORE exceljs
 * inflates anything. A 40 KiB zip can expand to gigabytes; exceljs would try.
 *
 * 1. Read the zip's own table of contents: find the End Of Central Directory record
 *    (last 22..65,557 bytes), then walk the central directory and take each entry's
 *    declared compressed and uncompressed sizes (ZIP64 extra fields understood).
 *    Refuse when: not a zip at all, the directory is missing or points outside the file
 *    (truncated upload), too many entries, total declared size over the limit, or one
 *    entry over 1 MiB that claims more than 100:1.
 * 2. Declared sizes can lie, so each deflated entry is then inflated once with
 *    zlib's maxOutputLength set to its declared size: a liar fails there, and nothing
 *    can ever produce more than the (already bounded) declared total.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors.ts';
import { formatBytes, type ImportLimits } from './limits.ts';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const notZip = () =>
  new ImportError('not_zip', {
    zh: '文件不是有效的 .xlsx 工作簿，请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”或 CSV 后再导入',
    en: 'The file is not a valid .xlsx workbook; save it from Excel as "Excel Workbook (*.xlsx)" or CSV and import again',
  });

const truncated = () =>
  new ImportError('truncated', {
    zh: '.xlsx 文件不完整（可能上传中断或文件已损坏），请重新保存后再上传',
    en: 'The .xlsx file is incomplete (the upload may have been cut off or the file is damaged); save it again and re-upload',
  });

/** Read the central directory. Throws ImportError for non-zip or truncated input. */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  if (!isZip(bytes)) throw notZip();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));

  // The EOCD is the last record; only a trailing comment (≤ 65,535 bytes) may follow it.
  let eocd = -1;
  const stop = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  for (let o = bytes.length - EOCD_MIN; o >= stop; o--) {
    if (u32(o) === SIG_EOCD && o + EOCD_MIN + u16(o + 20) === bytes.length) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw truncated(); // starts like a zip but its end is missing

  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== SIG_ZIP64_LOCATOR) throw truncated();
    const z = u64(loc + 8);
    if (z < 0 || z + 56 > bytes.length || u32(z) !== SIG_ZIP64_EOCD) throw truncated();
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
  }
  if (cdOffset + cdSize > eocd) throw truncated();

  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || u32(p) !== SIG_CENTRAL) throw truncated();
    const method = u16(p + 10);
    let compressedSize = u32(p + 20);
    let uncompressedSize = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    let localHeaderOffset = u32(p + 42);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field (id 1) carries, in order, whichever 32-bit fields were 0xFFFFFFFF.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(e);
      const size = u16(e + 2);
      if (id === 1) {
        let f = e + 4;
        if (uncompressedSize === 0xffffffff) (uncompressedSize = u64(f)), (f += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(f)), (f += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(f);
      }
      e += 4 + size;
    }
    if (localHeaderOffset + 30 > cdOffset || u32(localHeaderOffset) !== SIG_LOCAL) throw truncated();
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

function bomb(detail: { zh: string; en: string }): ImportError {
  return new ImportError('zip_bomb', {
    zh: `.xlsx 文件解压后过大，已拒绝导入：${detail.zh}`,
    en: `The .xlsx file would expand too much and was refused: ${detail.en}`,
  });
}

/** Throws ImportError unless the workbook is a complete zip within the limits. */
export function checkZip(bytes: Uint8Array, limits: ImportLimits): ZipEntryInfo[] {
  const entries = readZipDirectory(bytes);
  if (entries.length > limits.maxZipEntries) {
    throw bomb({ zh: `包含 ${entries.length} 个条目，上限 ${limits.maxZipEntries}`, en: `${entries.length} entries, limit ${limits.maxZipEntries}` });
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioMinEntryBytes && ratio > limits.maxCompressionRatio) {
      throw bomb({
        zh: `条目“${entry.name}”压缩比 ${Math.round(ratio)}:1，上限 ${limits.maxCompressionRatio}:1`,
        en: `entry "${entry.name}" has a compression ratio of ${Math.round(ratio)}:1, limit ${limits.maxCompressionRatio}:1`,
      });
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw bomb({
      zh: `解压后共 ${formatBytes(total)}，上限 ${formatBytes(limits.maxUncompressedBytes)}`,
      en: `${formatBytes(total)} uncompressed, limit ${formatBytes(limits.maxUncompressedBytes)}`,
    });
  }
  verifyDeclaredSizes(bytes, entries);
  return entries;
}

function verifyDeclaredSizes(bytes: Uint8Array, entries: ZipEntryInfo[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const o = entry.localHeaderOffset;
    const dataStart = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > bytes.length) throw truncated();
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw truncated();
      continue;
    }
    if (entry.method !== 8) throw notZip(); // xlsx only uses stored or deflate
    let out: Buffer;
    try {
      // +1 so that "exactly the declared size" passes and one byte more fails.
      out = inflateRawSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw bomb({ zh: `条目“${entry.name}”实际大小超过声明`, en: `entry "${entry.name}" is larger than it declares` });
      }
      throw truncated();
    }
    if (out.length !== entry.uncompressedSize) {
      if (out.length > entry.uncompressedSize) throw bomb({ zh: `条目“${entry.name}”实际大小超过声明`, en: `entry "${entry.name}" is larger than it declares` });
      throw truncated();
    }
  }
}
