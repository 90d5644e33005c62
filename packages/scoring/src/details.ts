/**
 * Detail strings of explanation lines that differ from unit to unit. Each is built as one
 * flat string (Array.join): a string built by repeated concatenation stays a tree of pieces
 * that lives as long as the assessment, and every piece is one more object for the
 * garbage collector to copy. Details that repeat across units are cached by the caller.
 */
import { divRound, formatFixed } from './fixed-point.ts';

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

/** formatFixed with the strings shared: quarter means and weights repeat from unit to unit. */
const formatted = new Map<number, string>();
function format(milli: number): string {
  let s = formatted.get(milli);
  if (s === undefined) {
    s = formatFixed(milli);
    if (formatted.size < 16384) formatted.set(milli, s);
  }
  return s;
}

const percents = new Map<number, string>();
/** A weight in basis points as a percentage: 2000 → "20%". */
export function pct(weightBp: number): string {
  let s = percents.get(weightBp);
  if (s === undefined) percents.set(weightBp, (s = `${formatFixed(weightBp * 10)}%`));
  return s;
}

/** "Q1 87.5, Q2 90; mean 88.75 × 20%": quarter means, their mean, the weight (Latin-1 only, so the string takes one byte a character). */
export function quarterlyDetail(
  qSum: Float64Array,
  qCnt: Float64Array,
  q0: number,
  mean: number,
  weightBp: number,
): string {
  const parts: string[] = [];
  for (let q = 0; q < 4; q++) {
    const n = qCnt[q0 + q]!;
    if (n === 0) continue;
    if (parts.length > 0) parts.push(', ');
    parts.push(QUARTERS[q]!, ' ', format(divRound(qSum[q0 + q]!, n)));
  }
  parts.push('; mean ', format(mean), ' × ', pct(weightBp));
  return parts.join('');
}
