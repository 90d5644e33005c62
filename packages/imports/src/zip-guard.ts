/**
 * The zip checks of an .xlsx, run before anything is inflated. What they check is
 * exactly what the reader reads: entries are only ever reached through the central
 * directory (zip-entry-stream.ts reads each one at the offset its directory record
 * gives), and a file whose local headers tell another story is refused, because other
 * zip readers walk the local headers from the start of the file and would see it.
 *
 * 1. Read the zip's own table of contents: find the End Of Central Directory record
 *    (last 22..65,557 bytes), then walk the central directory (ZIP64 understood).
 *    Refuse when: not a zip at all, the directory is missing or points outside the
 *    file (truncated upload), too many entries, a duplicate name.
 * 2. Declared sizes: refuse a total over maxUncompressedBytes, one entry over
 *    maxEntryBytes, or an entry over 1 MiB that claims more than 100:1.
 * 3. Local headers against the directory: every record's local header has the same
 *    name and method (and, without a data descriptor, the same sizes and CRC), and the
 *    entries tile the file from byte 0 to the directory with no gap and no overlap. A
 *    gap is where a local entry the directory does not list would hide.
 *
 * Declared sizes can lie: the inflating stream counts what it actually produces and
 * stops at the declared size, the per-entry cap and the total cap (zip-entry-stream.ts).
 */
import { ImportError } from './errors.ts';
import { formatBytes, type ImportLimits } from './limits.ts';

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** The directory record's raw name, compared byte for byte with the local header's. */
  nameBytes: Uint8Array;
  /** The entry's sizes came from a ZIP64 extra field (its data descriptor then has 8-byte sizes). */
  zip64: boolean;
}

/** An entry whose local header agrees with its directory record: where its data starts. */
export interface CheckedZipEntry extends ZipEntryInfo {
  dataStart: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export const notZip = () =>
  new ImportError('not_zip', {
    zh: '文件不是有效的 .xlsx 工作簿，请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”或 CSV 后再导入',
    en: 'The file is not a valid .xlsx workbook; save it from Excel as "Excel Workbook (*.xlsx)" or CSV and import again',
  });

export const truncated = () =>
  new ImportError('truncated', {
    zh: '.xlsx 文件不完整（可能上传中断或文件已损坏），请重新保存后再上传',
    en: 'The .xlsx file is incomplete (the upload may have been cut off or the file is damaged); save it again and re-upload',
  });

const mismatch = () =>
  new ImportError('zip_mismatch', {
    zh: '.xlsx 文件的压缩包目录与其内容不一致（文件可能被篡改或损坏），已拒绝导入；请在 Excel 中重新保存后再上传',
    en: "The .xlsx file's zip directory does not match its contents (the file may be tampered with or damaged) and was refused; save it again from Excel and re-upload",
  });

export function bomb(detail: { zh: string; en: string }): ImportError {
  return new ImportError('zip_bomb', {
    zh: `.xlsx 文件解压后过大，已拒绝导入：${detail.zh}`,
    en: `The .xlsx file would expand too much and was refused: ${detail.en}`,
  });
}

/** Read the central directory. Throws ImportError for non-zip or truncated input. */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  return readDirectory(bytes).entries;
}

function readDirectory(bytes: Uint8Array): { entries: ZipEntryInfo[]; cdOffset: number } {
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
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== SIG_ZIP64_LOCATOR) throw truncated();
    const z = u64(loc + 8);
    if (z < 0 || z + 56 > loc || u32(z) !== SIG_ZIP64_EOCD) throw truncated();
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
    cdEnd = z;
  }
  if (cdOffset + cdSize > cdEnd) throw truncated();

  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || u32(p) !== SIG_CENTRAL) throw truncated();
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc32 = u32(p + 16);
    let compressedSize = u32(p + 20);
    let uncompressedSize = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    let localHeaderOffset = u32(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cdOffset + cdSize) throw truncated();
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = new TextDecoder().decode(nameBytes);
    // ZIP64 extra field (id 1) carries, in order, whichever 32-bit fields were 0xFFFFFFFF.
    let zip64 = false;
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(e);
      const size = u16(e + 2);
      if (id === 1) {
        let f = e + 4;
        const need =
          (uncompressedSize === 0xffffffff ? 8 : 0) +
          (compressedSize === 0xffffffff ? 8 : 0) +
          (localHeaderOffset === 0xffffffff ? 8 : 0);
        if (need > size) throw truncated();
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(f);
          f += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(f);
          f += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(f);
        zip64 = true;
      }
      e += 4 + size;
    }
    if (localHeaderOffset + 30 > cdOffset || u32(localHeaderOffset) !== SIG_LOCAL) throw truncated();
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset, nameBytes, zip64 });
    p = extraEnd + commentLen;
  }
  // Records past the count the end record gives would be read by some tools and not by others.
  if (p !== cdOffset + cdSize) throw mismatch();
  return { entries, cdOffset };
}

/**
 * Throws ImportError unless the workbook is a complete zip within the declared limits
 * whose local headers agree with its directory. Returns the entries in directory order.
 */
export function checkZip(bytes: Uint8Array, limits: ImportLimits): CheckedZipEntry[] {
  const { entries, cdOffset } = readDirectory(bytes);
  if (entries.length > limits.maxZipEntries) {
    throw bomb({
      zh: `包含 ${entries.length} 个条目，上限 ${limits.maxZipEntries}`,
      en: `${entries.length} entries, limit ${limits.maxZipEntries}`,
    });
  }
  checkDeclaredSizes(entries, limits);
  return checkLocalHeaders(bytes, entries, cdOffset);
}

function checkDeclaredSizes(entries: ZipEntryInfo[], limits: ImportLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw bomb({
        zh: `条目“${entry.name}”解压后 ${formatBytes(entry.uncompressedSize)}，单个条目上限 ${formatBytes(limits.maxEntryBytes)}`,
        en: `entry "${entry.name}" is ${formatBytes(entry.uncompressedSize)} uncompressed, limit ${formatBytes(limits.maxEntryBytes)} per entry`,
      });
    }
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
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkLocalHeaders(bytes: Uint8Array, entries: ZipEntryInfo[], cdOffset: number): CheckedZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const names = new Set<string>();
  const checked: CheckedZipEntry[] = [];
  const spans: { start: number; end: number }[] = [];

  for (const entry of entries) {
    if (names.has(entry.name)) throw mismatch(); // two entries, one name: which one is "the" sheet?
    names.add(entry.name);
    if (entry.method !== 0 && entry.method !== 8) throw notZip(); // xlsx only uses stored or deflate
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw mismatch();

    const o = entry.localHeaderOffset;
    const flags = u16(o + 6);
    const nameLen = u16(o + 26);
    const extraLen = u16(o + 28);
    const dataStart = o + 30 + nameLen + extraLen;
    if (dataStart > cdOffset) throw truncated();
    if (!sameBytes(bytes.subarray(o + 30, o + 30 + nameLen), entry.nameBytes)) throw mismatch();
    if ((flags | entry.flags) & FLAG_ENCRYPTED) throw notZip();
    if (u16(o + 8) !== entry.method) throw mismatch();
    if (!(flags & FLAG_DESCRIPTOR)) {
      // 0xFFFFFFFF: the real sizes are in the local ZIP64 extra field; the directory's are checked in the stream.
      const localCompressed = u32(o + 18);
      const localUncompressed = u32(o + 22);
      if (u32(o + 14) !== entry.crc32) throw mismatch();
      if (localCompressed !== 0xffffffff && localCompressed !== entry.compressedSize) throw mismatch();
      if (localUncompressed !== 0xffffffff && localUncompressed !== entry.uncompressedSize) throw mismatch();
    }

    let end = dataStart + entry.compressedSize;
    if (end > cdOffset) throw truncated();
    if (flags & FLAG_DESCRIPTOR) {
      // crc, compressed and uncompressed size (8-byte sizes for ZIP64), after an optional signature.
      const signed = end + 4 <= cdOffset && u32(end) === SIG_DESCRIPTOR ? 4 : 0;
      end += signed + 4 + (entry.zip64 ? 16 : 8);
      if (end > cdOffset) throw truncated();
    }
    spans.push({ start: o, end });
    checked.push({ ...entry, dataStart });
  }

  // The entries must tile [0, cdOffset): a gap could hold a local entry the directory does not list, an overlap is one entry read twice.
  spans.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const span of spans) {
    if (span.start !== at) throw mismatch();
    at = span.end;
  }
  if (at !== cdOffset) throw mismatch();
  return checked;
}
