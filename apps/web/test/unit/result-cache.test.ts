import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../app/.server/dashboard/result-cache.ts';

const T1 = new Date('2026-11-23T01:00:00Z');
const T2 = new Date('2026-11-23T02:00:00Z');

describe('ResultCache', () => {
  it('computes once per key: concurrent misses share the computation, later readers get it with its time', async () => {
    const cache = new ResultCache(4);
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { n: runs };
    };
    const [a, b] = await Promise.all([cache.get('k', compute, T1), cache.get('k', compute, T2)]);
    expect(runs).toBe(1);
    expect([a.hit, b.hit]).toEqual([false, true]);
    expect(b.value).toBe(a.value);
    const later = await cache.get('k', compute, T2);
    expect(later).toMatchObject({ hit: true, computedAt: T1 });
    expect((await cache.get('other', compute, T2)).hit).toBe(false);
    expect(runs).toBe(2);
  });

  it('keeps no failure: the next reader computes again, and a waiter on a failed computation computes its own', async () => {
    const cache = new ResultCache(4);
    let fail = true;
    const compute = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) {
        fail = false;
        throw new Error('refused');
      }
      return 'ok';
    };
    const [first, second] = await Promise.allSettled([cache.get('k', compute, T1), cache.get('k', compute, T2)]);
    expect(first.status).toBe('rejected');
    expect(second).toMatchObject({ status: 'fulfilled', value: { value: 'ok', hit: false } });
    expect(await cache.get('k', compute, T2)).toMatchObject({ value: 'ok', hit: true });
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = new ResultCache(2);
    await cache.get('a', async () => 1, T1);
    await cache.get('b', async () => 2, T1);
    await cache.get('a', async () => 1, T1);
    await cache.get('c', async () => 3, T1);
    expect(cache.size).toBe(2);
    expect((await cache.get('a', async () => 1, T2)).hit).toBe(true);
    expect((await cache.get('b', async () => 2, T2)).hit).toBe(false);
  });
});
