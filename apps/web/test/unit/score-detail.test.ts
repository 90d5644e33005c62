import { describe, expect, it } from 'vitest';
import { scoreDetailText } from '../../app/lib/score-detail.ts';

/** The engine's working, stored in English shapes, read in Chinese on the Chinese screen. */
describe("a breakdown line's working in the reader's language", () => {
  it('says each engine shape in Chinese and keeps an unknown one as stored', () => {
    expect(scoreDetailText('229 on record, required ≥ 8 (missed)', 'zh-CN')).toBe('有记录 229 条，要求 ≥ 8（未达到）');
    expect(scoreDetailText('3 on record, required ≥ 1 and ≤ 5 (met)', 'zh-CN')).toBe(
      '有记录 3 条，要求 ≥ 1 且 ≤ 5（已达到）',
    );
    expect(scoreDetailText('Q1 91, Q3 88.5; mean 89.75 × 20%', 'zh-CN')).toBe(
      '第1季度 91，第3季度 88.5；平均 89.75 × 20%',
    );
    expect(scoreDetailText('mean of 2: 90 × 30%', 'zh-CN')).toBe('2 次平均 90 × 30%');
    expect(scoreDetailText('12/13 = 92.308% vs target 98%, weight 2', 'zh-CN')).toBe(
      '12/13 = 92.308%，目标 98%，权重 2',
    );
    expect(scoreDetailText('no inspection on record', 'zh-CN')).toBe('无检查评分记录');
    expect(scoreDetailText('11 × -0.5', 'zh-CN')).toBe('11 × -0.5');
    expect(scoreDetailText('229 on record, required ≥ 8 (missed)', 'en')).toBe('229 on record, required ≥ 8 (missed)');
  });
});
