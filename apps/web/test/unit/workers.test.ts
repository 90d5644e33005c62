import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL, poolPerWorker, workerCount } from '../../server/workers.ts';

describe('how many workers', () => {
  it('one per core unless TALLY_WORKERS says; 1 means no cluster', () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount(undefined, 8)).toBe(8);
    expect(workerCount(undefined, 1)).toBe(1);
    expect(workerCount(1, 8)).toBe(1);
    expect(workerCount(3, 2)).toBe(3);
  });
});

describe('database connections per worker', () => {
  it('keeps the default pool while the whole server stays within half of max_connections', () => {
    expect(poolPerWorker({ maxConnections: 200, reserved: 3, workers: 2, requested: undefined })).toBe(DEFAULT_POOL);
    expect(poolPerWorker({ maxConnections: 100, reserved: 3, workers: 2, requested: 20 })).toBe(20);
  });

  it('shrinks each pool so every pool, its LISTEN connection and housekeeping fit', () => {
    for (const workers of [1, 2, 4, 8, 12]) {
      const limits = { maxConnections: 100, reserved: 3, workers, requested: 40 };
      const pool = poolPerWorker(limits);
      expect(workers * (pool + 1) + 1, `${workers} workers`).toBeLessThanOrEqual((100 - 3) / 2);
    }
  });

  it('refuses to start, naming the knobs, when a worker would get fewer than two connections', () => {
    expect(() => poolPerWorker({ maxConnections: 100, reserved: 3, workers: 32, requested: undefined })).toThrow(
      /TALLY_WORKERS/,
    );
  });
});
