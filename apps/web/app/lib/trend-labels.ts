import type { Translate } from '../i18n/index.ts';

/** "2026-03" → "3月", "2026-Q2" → "第2季度": the engine's period labels as the reader says them. */
export function trendPeriodLabel(label: string, t: Translate): string {
  const quarter = /-Q(\d)$/.exec(label);
  if (quarter) return t('dashboard.quarter', { n: Number(quarter[1]) });
  const month = /-(\d{2})$/.exec(label);
  return month ? t('dashboard.month', { n: Number(month[1]) }) : label;
}

/** The units ticked on the trends form, at most `max`, in the order given; `picked` says whether more were asked for. */
export function pickedUnits(
  search: URLSearchParams,
  known: readonly string[],
  max: number,
): { codes: string[]; truncated: boolean } {
  const asked = [...new Set(search.getAll('unit'))].filter((code) => known.includes(code));
  return { codes: asked.slice(0, max), truncated: asked.length > max };
}
