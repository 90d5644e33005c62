import type { Language } from '../i18n/index.ts';

/**
 * The scoring engine writes each line's working in a fixed, language-neutral shape ("229 on
 * record, required ≥ 8 (missed)", "Q1 91; mean 91 × 20%", "12/13 = 92.3% vs target 98%, weight 2")
 * and stores it in the published result. The Chinese screen says the same in Chinese; a shape
 * this list does not know is shown as stored, so a new engine wording is never hidden.
 */
const ZH: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^no inspection on record$/, () => '无检查评分记录'],
  [/^no data$/, () => '无数据'],
  [
    /^(\d+) on record, required (.+) \((met|missed)\)$/,
    (n, req, met) =>
      `有记录 ${n} 条，要求 ${req!.replaceAll(' and ', ' 且 ')}（${met === 'met' ? '已达到' : '未达到'}）`,
  ],
  [/^mean of (\d+): (.+)$/, (n, rest) => `${n} 次平均 ${rest}`],
  [
    /^(.+); mean (.+)$/,
    (quarters, rest) => `${quarters!.replace(/Q([1-4])/g, '第$1季度').replaceAll(', ', '，')}；平均 ${rest}`,
  ],
  [/^(.+) vs target (.+), weight (.+)$/, (value, target, weight) => `${value}，目标 ${target}，权重 ${weight}`],
];

export function scoreDetailText(detail: string, language: Language): string {
  if (language !== 'zh-CN') return detail;
  for (const [shape, say] of ZH) {
    const match = shape.exec(detail);
    if (match) return say(...match.slice(1));
  }
  return detail;
}
