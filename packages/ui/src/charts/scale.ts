/** Axis arithmetic shared by the charts: a linear scale and round tick values. Pure. */

export interface Domain {
  min: number;
  max: number;
}

/** Maps a value in the domain onto [from, to] pixels (to may be smaller than from: y grows down). */
export function linear(domain: Domain, from: number, to: number): (value: number) => number {
  const span = domain.max - domain.min || 1;
  // Tenths of a pixel: short attributes, the same HTML on every machine.
  return (value) => Math.round((from + ((value - domain.min) / span) * (to - from)) * 10) / 10;
}

/** About `count` round ticks (1, 2 or 5 × 10ⁿ apart) covering the domain, and the domain widened to them. */
export function niceTicks(domain: Domain, count = 5): { domain: Domain; ticks: number[] } {
  const span = domain.max - domain.min || Math.abs(domain.max) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const min = Math.floor(domain.min / step) * step;
  const max = Math.ceil(domain.max / step) * step || step;
  const ticks: number[] = [];
  // Rounded to the step's decimals so 0.1 + 0.2 never prints as 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toFixed(decimals)));
  return { domain: { min, max }, ticks };
}
