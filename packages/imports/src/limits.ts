/**
 * Import limits as data, so a county (or a test) can change them without code.
 * Defaults: a village register is at most a few thousand rows a year; 200,000 rows and
 * 20 MiB leave two orders of magnitude of headroom while keeping one import's memory
 * bounded. The zip limits refuse decompression bombs before anything is inflated.
 */
export interface ImportLimits {
  /** Largest accepted file, in bytes (CSV or .xlsx as uploaded). */
  maxBytes: number;
  /** Largest number of data rows (header and blank rows not counted). */
  maxRows: number;
  /** .xlsx: sum of the uncompressed sizes of all zip entries. */
  maxUncompressedBytes: number;
  /** .xlsx: largest uncompressed/compressed ratio allowed for an entry … */
  maxCompressionRatio: number;
  /** … once that entry is bigger than this (small XML files legitimately compress well). */
  ratioMinEntryBytes: number;
  /** .xlsx: most zip entries accepted. */
  maxZipEntries: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
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
