import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RankingBarChart, TrendLineChart } from '@tally/ui';

/** The charts are drawn on the server: the SVG and the table behind it are in the HTML without JavaScript. */
describe('charts render on the server', () => {
  it('ranking bars: an SVG with one bar per unit, and a table with rank, name, score and the veto mark', () => {
    const html = renderToString(
      createElement(RankingBarChart, {
        bars: [
          { key: 'a', label: '甲镇', value: 92.5, display: '92.5', rank: 1 },
          { key: 'b', label: '乙乡', value: 80, display: '80', rank: 2, vetoed: true },
        ],
        caption: '2026年 排名',
        labels: { rank: '名次', unit: '单位', score: '得分', vetoed: '一票否决' },
      }),
    );
    expect(html).toContain('<svg');
    expect(html.match(/class="chart-bar"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(html).toContain('甲镇');
    expect(html).toContain('乙乡 (一票否决)');
    expect(html).toContain('<caption>2026年 排名</caption>');
  });

  it('trend lines: an SVG with a path per series and the target line, and the values in a table with gaps as —', () => {
    const html = renderToString(
      createElement(TrendLineChart, {
        categories: ['1月', '2月', '3月'],
        lines: [
          { key: 'a', label: '甲镇', values: [90, 91.5, null] },
          { key: 'b', label: '乙乡', values: [80, 82, 85] },
        ],
        targets: [{ label: '目标', value: 98 }],
        caption: '得分走势',
        labels: { period: '月份', target: '目标' },
        yDomain: [0, 100],
      }),
    );
    expect(html).toContain('<svg');
    expect(html.match(/class="chart-line"/g)?.length ?? 0).toBe(2);
    expect(html).toContain('class="chart-target"');
    expect(html).toContain('91.5');
    expect(html).toContain('—');
  });
});
