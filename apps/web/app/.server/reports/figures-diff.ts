import type { LedgerFigures } from './report-figures.ts';

export interface FigureChange {
  /** Dotted path of the figure, e.g. 'registers.meetings' or 'cases.received'. */
  path: string;
  filed: number | string;
  now: number | string;
}

function flatten(value: unknown, prefix: string, into: Map<string, number | string>): void {
  if (typeof value === 'number' || typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
}

/** The figures that differ between a filed version and the ledgers now: "the ledger changed since submission". */
export function figuresDiff(filed: LedgerFigures, now: LedgerFigures): FigureChange[] {
  const a = new Map<string, number | string>();
  const b = new Map<string, number | string>();
  flatten(filed, '', a);
  flatten(now, '', b);
  const changes: FigureChange[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const before = a.get(path) ?? 0;
    const after = b.get(path) ?? 0;
    if (before !== after) changes.push({ path, filed: before, now: after });
  }
  return changes;
}
