import { Faker, base, zh_CN } from '@faker-js/faker';

/**
 * The seeded randomness every demo generator draws from. One instance per seed run and a
 * fixed draw order make the demo data identical for the same seed and `now`.
 */
export class DemoRandom {
  readonly faker: Faker;

  constructor(seed: number) {
    this.faker = new Faker({ locale: [zh_CN, base] });
    this.faker.seed(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < p;
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  /** A value drawn by weight: [[value, weight], ...]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.faker.number.float({ min: 0, max: total });
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll <= 0) return value;
    }
    return entries.at(-1)![0];
  }

  /** `count` distinct items, in the input order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(items, Math.min(count, items.length));
  }

  uuid(): string {
    return this.faker.string.uuid();
  }
}
