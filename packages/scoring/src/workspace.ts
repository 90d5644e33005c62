/** Scratch state of the scoring loop, allocated once per score() call and reset per unit. */
import type { CompiledRuleSet } from './compile.ts';
import type { ExplanationLine } from './explain.ts';
import { DistinctKeys } from './distinct-keys.ts';
import { FactIds } from './fact-ids.ts';

/** Scratch state for one scoring run (reused across units). */
export class Workspace {
  readonly cnt: Float64Array;
  readonly pts: Float64Array;
  readonly den: Float64Array;
  /** Fact ids per line: key = rule index, or rules + component slot for inspection components. */
  readonly factIds: FactIds;
  readonly levelOffset: number[];
  readonly levelCnt: Float64Array;
  /** Per rule: distinct keys of a distinct quota. */
  readonly keys: DistinctKeys[];
  readonly compOffset: number[];
  readonly qSum: Float64Array;
  readonly qCnt: Float64Array;
  readonly groupSum: Float64Array;
  /** Explanation lines of the current unit (a buffer reused across units; see takeLines). */
  private readonly lineBuf: ExplanationLine[] = [];
  private lineCount = 0;
  /** Per rule: detail strings already built, keyed by a short signature (shared across units). */
  readonly details: Map<string | number, string>[];

  constructor(
    readonly c: CompiledRuleSet,
    /** Build explanation lines (false: totals only, for bulk ranking). */
    readonly explain = true,
    /** False: score to date, quotas short of atLeast are at risk, not applied. */
    readonly periodClosed = true,
  ) {
    const n = c.rules.length;
    this.cnt = new Float64Array(n);
    this.pts = new Float64Array(n);
    this.den = new Float64Array(n);
    this.keys = [];
    this.details = [];
    this.compOffset = [];
    this.levelOffset = [];
    let comps = 0;
    let levels = 0;
    for (const r of c.rules) {
      this.compOffset.push(comps);
      this.levelOffset.push(levels);
      this.keys.push(new DistinctKeys());
      this.details.push(new Map());
      if (r.kind === 'inspection-weights') comps += r.components.length;
      if (r.kind === 'per-event') levels += r.levelNames.length;
    }
    this.levelCnt = new Float64Array(levels);
    this.qSum = new Float64Array(comps * 4);
    this.qCnt = new Float64Array(comps * 4);
    this.factIds = new FactIds(n + comps);
    this.groupSum = new Float64Array(c.groups.length);
  }

  addLine(line: ExplanationLine): void {
    this.lineBuf[this.lineCount++] = line;
  }

  /** The current unit's lines as a new array of exactly their number. */
  takeLines(): ExplanationLine[] {
    const n = this.lineCount;
    this.lineCount = 0;
    return n === 0 ? [] : this.lineBuf.slice(0, n);
  }

  reset(): void {
    this.lineCount = 0;
    this.cnt.fill(0);
    this.pts.fill(0);
    this.den.fill(0);
    this.factIds.reset();
    this.levelCnt.fill(0);
    for (const k of this.keys) k.clear();
    this.qSum.fill(0);
    this.qCnt.fill(0);
    this.groupSum.fill(0);
  }

  /** A detail string already built for this rule and key (shared between units), or undefined. */
  cached(ri: number, key: string | number): string | undefined {
    return this.details[ri]!.get(key);
  }

  /** Keeps a detail string for reuse by later units (bounded per rule) and returns it. */
  remember(ri: number, key: string | number, detail: string): string {
    const cache = this.details[ri]!;
    if (cache.size < 4096) cache.set(key, detail);
    return detail;
  }
}
