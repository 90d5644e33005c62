import type { CellState, ReportKind } from '@tally/reporting';
import type { ReportState } from '@tally/db/reports';
import type { Language } from '../i18n/index.ts';

/** '2026-09' → 2026年9月; '2026-09-H1' → 2026年9月上半月; '2026-Q3' → 2026年第3季度 (English keeps the key). */
export function periodLabel(key: string, language: Language): string {
  if (language !== 'zh-CN') return key;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  const half = /^(\d{4})-(\d{2})-H([12])$/.exec(key);
  if (half) return `${half[1]}年${Number(half[2])}月${half[3] === '1' ? '上' : '下'}半月`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return key;
}

/** Short column heading in the matrix: 9月, 9月上, Q3. */
export function periodHeading(key: string, language: Language): string {
  const quarter = /^\d{4}-Q([1-4])$/.exec(key);
  if (quarter) return `Q${quarter[1]}`;
  const half = /^\d{4}-(\d{2})-H([12])$/.exec(key);
  if (half)
    return language === 'zh-CN' ? `${Number(half[1])}月${half[2] === '1' ? '上' : '下'}` : `${half[1]}-H${half[2]}`;
  const month = /^\d{4}-(\d{2})$/.exec(key);
  if (month) return language === 'zh-CN' ? `${Number(month[1])}月` : month[1]!;
  return key;
}

export const kindKey = (kind: ReportKind) => `reports.kind.${kind}` as const;
export const cellKey = (state: CellState) => `reports.cell.${state}` as const;
export const reportStateKey = (state: ReportState) => `reports.state.${state}` as const;
