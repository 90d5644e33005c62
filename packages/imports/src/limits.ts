/**
 * Import limits as data, so a county (or a test) can change them without code.
 * Defaults: a village register is a few thousand rows a year, but a township or county
 * re-keying years of a petition ledger brings far more (a 156,543-row ledger was seen).
 * The two limits must agree, since the import page promises both: 200,000 rows of the
 * widest register (a petition ledger with an address and a summary, about 350 bytes a row
 * in UTF-8) fit in 80 MiB (tested in limits.test.ts). Memory stays bounded all the same:
 * the file is parsed as a stream and staged in chunks; only the upload itself is held. The zip limits refuse decompression bombs: declared sizes before anything is
 * inflated, actual sizes inside the inflating stream. Where each one is enforced:
 * docs/security.md, "Uploads and imports".
 */
export interface ImportLimits {
  /** Largest accepted file, in bytes (CSV or .xlsx as uploaded). */
  maxBytes: number;
  /** Largest number of data rows (header and blank rows not counted). */
  maxRows: number;
  /** Most cells in one row, the header included (CSV: counted as parsed; .xlsx: up to the last non-empty cell). */
  maxColumns: number;
  /** CSV: longest line, in bytes, and longest record (a quoted cell may span lines), in characters. */
  maxLineBytes: number;
  /** .xlsx: sum of the uncompressed sizes of the zip entries (declared, and inflated while reading). */
  maxUncompressedBytes: number;
  /** .xlsx: largest uncompressed size of one zip entry (declared, and inflated while reading). */
  maxEntryBytes: number;
  /** .xlsx: largest uncompressed/compressed ratio allowed for an entry … */
  maxCompressionRatio: number;
  /** … once that entry is bigger than this (small XML files legitimately compress well). */
  ratioMinEntryBytes: number;
  /** .xlsx: most zip entries accepted. */
  maxZipEntries: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = {
  maxBytes: 80 * 1024 * 1024,
  maxRows: 200_000,
  // Registers have at most a dozen columns; 200 leaves room for a wide working sheet.
  maxColumns: 200,
  // 200 columns of a few hundred characters each; a legitimate line is a few KiB.
  maxLineBytes: 256 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioMinEntryBytes: 1024 * 1024,
  maxZipEntries: 10_000,
};

export function resolveLimits(limits?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
