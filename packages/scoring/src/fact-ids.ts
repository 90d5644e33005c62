/**
 * The fact ids behind each explanation line of one unit. The scoring pass appends
 * (line key, id) pairs to buffers reused across units; when the lines are built, one
 * counting pass groups them by key, and each line takes an exact-size, sorted copy. One
 * allocation per line, instead of a growing array per line and a trimmed copy of it.
 */
export class FactIds {
  private readonly ids: string[] = [];
  private readonly keyOf: number[] = [];
  private length = 0;
  private readonly count: Int32Array;
  private readonly start: Int32Array;
  private readonly grouped: string[] = [];
  private isGrouped = false;

  /** Keys are 0..keys-1 (one per line that can carry facts). */
  constructor(keys: number) {
    this.count = new Int32Array(keys);
    this.start = new Int32Array(keys);
  }

  reset(): void {
    if (this.length > 0) {
      this.count.fill(0);
      this.length = 0;
    }
    this.isGrouped = false;
  }

  add(key: number, id: string): void {
    this.ids[this.length] = id;
    this.keyOf[this.length] = key;
    this.length++;
    this.count[key]!++;
  }

  has(key: number): boolean {
    return this.count[key]! > 0;
  }

  /** The ids added under `key`, sorted (code-unit order), in a new array of exactly their number. */
  take(key: number): string[] {
    const n = this.count[key]!;
    if (n === 0) return [];
    if (!this.isGrouped) this.group();
    const s = this.start[key]!;
    return n === 1 ? [this.grouped[s]!] : sortIds(this.grouped.slice(s, s + n));
  }

  /** Counting sort of the buffered ids by key (stable). */
  private group(): void {
    const { count, start, grouped, ids, keyOf } = this;
    let offset = 0;
    for (let k = 0; k < count.length; k++) {
      start[k] = offset;
      offset += count[k]!;
    }
    // `start` is advanced while placing, then rewound by the counts.
    for (let i = 0; i < this.length; i++) grouped[start[keyOf[i]!]!++] = ids[i]!;
    for (let k = 0; k < count.length; k++) start[k]! -= count[k]!;
    this.isGrouped = true;
  }
}

/** Sorts fact ids in place (code-unit order): insertion sort for the short lists of one unit. */
export function sortIds(ids: string[]): string[] {
  const n = ids.length;
  if (n > 32) return ids.sort();
  for (let i = 1; i < n; i++) {
    const x = ids[i]!;
    let j = i - 1;
    if (ids[j]! <= x) continue;
    while (j >= 0 && ids[j]! > x) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = x;
  }
  return ids;
}
