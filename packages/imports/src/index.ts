// Public API of @tally/imports: parse villages' spreadsheets into validated register rows
// (no database access) and export register rows back to CSV/.xlsx.
export { decodeBytes, decodeStream, detectEncoding, DETECT_PREFIX_BYTES, type TextEncodingName } from './decode.ts';
export { parseDate, excelSerialToYmd, type DateResult } from './dates.ts';
export type { RegisterDef, FieldDef, FieldMasking, FieldType, EnumOption } from './types.ts';
export { mapHeaders, normaliseHeader, type ColumnMapping, type MappingOverride, type HeaderMappingResult } from './header-mapping.ts';
export { validateRow, validateRecord, badText, type FieldError, type CellValue, type SheetRow, type RowValues, type FieldValue, type RowResult } from './validate-row.ts';
export { parseCsvRows, type ByteSource } from './csv.ts';
export { parseXlsxRows, plainCellValue } from './xlsx.ts';
export { checkZip, readZipDirectory, isZip, type ZipEntryInfo, type CheckedZipEntry } from './zip-guard.ts';
export {
  previewImport, streamPreview, detectFormat, type PreviewInput, type PreviewResult, type PreviewSummary, type RowOutcome, type StreamPreviewInput, type ValidRow,
} from './preview.ts';
export { rowFingerprint } from './fingerprint.ts';
export { csvChunks, toCsv, toXlsx, writeXlsx, neutraliseFormula, type ExportColumn, type ExportPages, type ExportRow, type ExportValue } from './export.ts';
export { DEFAULT_LIMITS, resolveLimits, formatBytes, type ImportLimits } from './limits.ts';
export { ImportError, type ImportErrorCode, type Message, type RowError } from './errors.ts';
