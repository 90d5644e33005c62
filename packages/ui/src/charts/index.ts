export { RankingBarChart, type RankingBar, type RankingBarChartProps } from './ranking-bar-chart.tsx';
export {
  TrendLineChart,
  seriesColours,
  type TrendLine,
  type TrendLineChartProps,
  type TrendTarget,
} from './trend-line-chart.tsx';
export { linear, niceTicks, type Domain } from './scale.ts';
