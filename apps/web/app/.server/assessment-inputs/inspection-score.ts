/** A score as typed: up to three digits, then at most two decimals (numeric(5,2) keeps no more). */
const SCORE_TEXT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * An inspection score (0–100, at most two decimals) as the exact decimal text the database
 * stores ("87.50"), or null when it is not one. Read from the text, never through a binary
 * float, so 87.35 stays 87.35. Full-width digits (８７．５) count as the digits they are.
 */
export function parseInspectionScore(raw: string | number): string | null {
  if (typeof raw === 'number' && !Number.isFinite(raw)) return null;
  const text = String(raw).normalize('NFKC').trim();
  const match = SCORE_TEXT.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = (match[2] ?? '').padEnd(2, '0');
  if (whole > 100 || (whole === 100 && cents !== '00')) return null;
  return `${whole}.${cents}`;
}

/** Two stored scores are the same score whatever their trailing zeros ("90" and "90.00"). */
export function sameScore(a: string, b: string): boolean {
  return parseInspectionScore(a) === parseInspectionScore(b);
}
