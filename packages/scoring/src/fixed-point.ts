/**
 * Exact fixed-point arithmetic for scores and money.
 *
 * Every amount inside the engine is an integer count of 1/1000 of the rule set's unit
 * (milli-points, or milli-yuan for a funds scheme). The schemes move in steps of 0.5 and
 * weight components by 20 / 30 / 50 %, and inspection scores carry decimals like 92.5:
 * binary floats would make 0.1 + 0.2 style drift appear in totals and in ties, which
 * decide ranks. Integers added together never drift.
 *
 * Only two operations can produce a fraction of a milli-unit: a weighted inspection
 * component (mean × weight) and an indicator-vs-target rule (weight × actual ÷ target).
 * Each is computed as one exact rational and rounded ONCE, half away from zero, to the
 * milli-unit ({@link mulDivRound}). Everything after that is integer addition, so the
 * explanation lines always sum exactly to the final.
 */

/** Milli-units per unit: 1 point = 1000. */
export const SCALE = 1000;

/** A fixed-point amount: an integer number of 1/1000 units. */
export type Fixed = number;

/** Converts a decimal amount (at most 3 decimals, e.g. 92.5 or 0.5) to fixed point. */
export function toFixed(value: number): Fixed {
  const r = Math.round(value * SCALE);
  return r === 0 ? 0 : r; // never -0
}

/**
 * The same integer amount, normalised for storage: -0 becomes 0, and an amount in the
 * 32-bit range comes out as a small integer, which V8 stores in the object itself instead
 * of boxing it (sums read from Float64Arrays are doubles). Amounts outside stay as they are.
 */
export function settled(amount: Fixed): Fixed {
  return amount >= -2147483648 && amount <= 2147483647 ? amount | 0 : amount;
}

/** Converts fixed point back to a decimal number (for display or JSON only; never for sums). */
export function fromFixed(value: Fixed): number {
  return value / SCALE;
}

/** True when `value` has at most three decimals, i.e. is exactly representable in milli-units. */
export function isMilliExact(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const scaled = value * SCALE;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 && Number.isSafeInteger(Math.round(scaled));
}

/** Integer division p ÷ q (q > 0) rounded half away from zero, exact for safe integers. */
export function divRound(p: number, q: number): number {
  if (q <= 0) throw new RangeError('divRound: divisor must be positive');
  const neg = p < 0;
  const a = neg ? -p : p;
  const rem = a % q;
  let quot = (a - rem) / q;
  if (rem * 2 >= q) quot += 1;
  return neg ? (quot === 0 ? 0 : -quot) : quot;
}

function bigDivRound(p: bigint, q: bigint): number {
  const neg = p < 0n;
  const a = neg ? -p : p;
  let quot = a / q;
  if ((a % q) * 2n >= q) quot += 1n;
  const n = Number(neg ? -quot : quot);
  return n === 0 ? 0 : n;
}

/**
 * (a × b) ÷ c rounded half away from zero, exact: falls back to BigInt when the
 * product would leave the safe-integer range. c must be positive.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  const prod = a * b;
  if (Number.isSafeInteger(prod) && Number.isSafeInteger(c)) return divRound(prod, c);
  return bigDivRound(BigInt(a) * BigInt(b), BigInt(c));
}

/**
 * The mean of per-quarter means, in BigInt: (Σ_q sum_q ÷ n_q) ÷ quarters, and that mean ×
 * weightBp ÷ 10000, each rounded once. For the rare unit whose quarter counts have a common
 * denominator beyond 2^53 (the number path would round at a tie the wrong way).
 * Quarter q of the slot starting at `offset` has sums[offset + q] and counts[offset + q].
 */
export function quarterlyMeanExact(
  sums: ArrayLike<number>,
  counts: ArrayLike<number>,
  offset: number,
  weightBp: number,
): [points: number, mean: number] {
  let l = 1n;
  let quarters = 0n;
  for (let q = 0; q < 4; q++) {
    const n = BigInt(counts[offset + q]!);
    if (n === 0n) continue;
    let a = l;
    let b = n;
    while (b !== 0n) [a, b] = [b, a % b];
    l = (l / a) * n;
    quarters++;
  }
  let num = 0n;
  for (let q = 0; q < 4; q++) {
    const n = counts[offset + q]!;
    if (n > 0) num += BigInt(sums[offset + q]!) * (l / BigInt(n));
  }
  const den = quarters * l;
  return [bigDivRound(num * BigInt(weightBp), den * 10000n), bigDivRound(num, den)];
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/**
 * Formats fixed point for people: "92.5", "-0.5", "10000"; with `signed` a leading "+"
 * for positive amounts. No binary float is involved: digits come from integer division.
 */
export function formatFixed(value: Fixed, signed = false): string {
  const neg = value < 0;
  const a = neg ? -value : value;
  const whole = Math.floor(a / SCALE);
  let frac = a - whole * SCALE;
  let s = String(whole);
  if (frac !== 0) {
    let digits = 3;
    while (frac % 10 === 0) {
      frac /= 10;
      digits -= 1;
    }
    s += `.${String(frac).padStart(digits, '0')}`;
  }
  if (neg) return `-${s}`;
  return signed && value > 0 ? `+${s}` : s;
}
