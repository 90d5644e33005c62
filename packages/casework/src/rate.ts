/**
 * Rates as exact rationals. Offices publish whole percentages; computing them from the
 * integer counts (never from a float ratio) makes 115/162 print 71% on every machine.
 */

export interface Rate {
  numerator: number;
  denominator: number;
  /** Whole percent, rounded half up; null when the denominator is 0 (nothing to measure). */
  percent: number | null;
  /** '71%', or '—' when there is nothing to measure. */
  display: string;
}

/** floor(a / b) for non-negative safe integers, exact even where float division would round. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
}

export function rate(numerator: number, denominator: number): Rate {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`rate needs non-negative integers, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) return { numerator, denominator, percent: null, display: '—' };
  // Half up: floor(100·n/d + 1/2) = floor((200·n + d) / (2·d)).
  const percent = floorDiv(200 * numerator + denominator, 2 * denominator);
  return { numerator, denominator, percent, display: `${percent}%` };
}

/**
 * True when numerator/denominator ≥ targetPercent/100, compared exactly. The target may
 * have decimals (96.5); it is scaled to thousandths, plenty for any published target.
 * null when the denominator is 0: an office with nothing to mediate neither meets nor misses.
 */
export function meetsTarget(numerator: number, denominator: number, targetPercent: number): boolean | null {
  if (denominator === 0) return null;
  const targetMilli = Math.round(targetPercent * 1000);
  return numerator * 100_000 >= targetMilli * denominator;
}
