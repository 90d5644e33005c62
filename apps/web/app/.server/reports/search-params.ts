import { isPeriodicKind, type PeriodicKind } from '@tally/reporting';
import { shanghaiDate } from '@tally/casework';

export interface MatrixParams {
  kind: PeriodicKind;
  year: number;
  level?: 'township' | 'village';
}

/** A filter the URL named with a value the matrix cannot show; the page says so and shows its default. */
export type MatrixRefusal = 'kind' | 'year' | 'level';

/**
 * The matrix filters a URL names, each falling back to a sensible default: monthly, this year,
 * every level. A value that was typed but is not one is listed in `refused`, so the page never
 * falls back silently; a filter left out is the default quietly.
 */
export function matrixParams(url: URL, now: Date): { params: MatrixParams; refused: MatrixRefusal[] } {
  const kind = url.searchParams.get('kind')?.trim() ?? '';
  const yearText = url.searchParams.get('year')?.trim() ?? '';
  const year = Number(yearText);
  const level = url.searchParams.get('level')?.trim() ?? '';
  const yearOk = /^\d{4}$/.test(yearText) && year >= 2000 && year <= 2100;
  const levelOk = level === 'township' || level === 'village';
  const refused: MatrixRefusal[] = [];
  if (kind && !isPeriodicKind(kind)) refused.push('kind');
  if (yearText && !yearOk) refused.push('year');
  if (level && !levelOk) refused.push('level');
  return {
    params: {
      kind: isPeriodicKind(kind) ? kind : 'monthly',
      year: yearOk ? year : Number(shanghaiDate(now).slice(0, 4)),
      ...(levelOk ? { level } : {}),
    },
    refused,
  };
}
