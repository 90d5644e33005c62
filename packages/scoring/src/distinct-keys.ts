/**
 * Distinct keys counted by a quota (e.g. which of the 8 registers a unit keeps), reset per
 * unit. A unit has a handful: they go in a small list scanned linearly, which allocates
 * nothing once warm; past SMALL keys a Set takes over. (Set.clear allocates a fresh table.)
 */
const SMALL = 16;

export class DistinctKeys {
  private readonly small: string[] = [];
  private smallCount = 0;
  private large: Set<string> | null = null;

  get size(): number {
    return this.large === null ? this.smallCount : this.large.size;
  }

  add(key: string): void {
    if (this.large !== null) {
      this.large.add(key);
      return;
    }
    const small = this.small;
    for (let i = 0; i < this.smallCount; i++) if (small[i] === key) return;
    if (this.smallCount < SMALL) {
      small[this.smallCount++] = key;
      return;
    }
    this.large = new Set(small);
    this.large.add(key);
  }

  clear(): void {
    this.smallCount = 0;
    this.large = null;
  }
}
