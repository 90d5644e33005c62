// Public API of @tally/imports: parse villages' spreadsheets into validated register rows
// (no database access) and export register rows back to CSV/.xlsx.
export { decodeBytes, decodeStream, detectEncoding, DETECT_PREFIX_BYTES, type TextEncodingName } from './decode.ts';
export { parseDate, excelSerialToYmd, type DateResult } from './dates.ts';
export type { RegisterDef, FieldDef, FieldMasking, FieldType, EnumOption, RowCheck } from './types.ts';
export {
  mapHeaders,
  headerScore,
  normaliseHeader,
  type ColumnMapping,
  type MappingOverride,
  type HeaderMappingResult,
} from './header-mapping.ts';
export {
  validateRow,
  validateRecord,
  badText,
  type FieldError,
  type ValidationContext,
  type CellValue,
  type SheetRow,
  type RowValues,
  type FieldValue,
  type RowResult,
} from './validate-row.ts';
export { parseCsvRows, type ByteSource } from './csv.ts';
export { parseXlsxRows, plainCellValue, type SheetChoice, type XlsxOptions } from './xlsx.ts';
export { rowWarnings, latestPlausibleDate, EARLIEST_PLAUSIBLE_DATE, type RowWarning } from './plausibility.ts';
export { checkZip, readZipDirectory, isZip, type ZipEntryInfo, type CheckedZipEntry } from './zip-guard.ts';
export {
  previewImport,
  streamPreview,
  detectFormat,
  HEADER_SCAN,
  type PreviewInput,
  type PreviewResult,
  type PreviewSummary,
  type RowOutcome,
  type StreamPreviewInput,
  type ValidRow,
} from './preview.ts';
export { rowFingerprint } from './fingerprint.ts';
export {
  csvChunks,
  toCsv,
  toXlsx,
  writeXlsx,
  neutraliseFormula,
  type ExportColumn,
  type ExportPages,
  type ExportRow,
  type ExportValue,
} from './export.ts';
export { DEFAULT_LIMITS, resolveLimits, formatBytes, type ImportLimits } from './limits.ts';
export { ImportError, type ImportErrorCode, type Message, type RowError } from './errors.ts';
