import { linear, niceTicks } from './scale.ts';

export interface TrendLine {
  key: string;
  label: string;
  /** One value per category; null where there is nothing to measure (a gap in the line, "—" in the table). */
  values: readonly (number | null)[];
}

export interface TrendTarget {
  label: string;
  value: number;
}

export interface TrendLineChartProps {
  /** The x axis: periods as the reader says them ("1月", "第一季度"). */
  categories: readonly string[];
  lines: readonly TrendLine[];
  /** Horizontal target lines (98 %), also listed under the table. */
  targets?: readonly TrendTarget[];
  caption: string;
  /** The table's first column heading ("月份") and what a target is called ("目标"). */
  labels: { period: string; target: string };
  /** How a value is written in the table and on the axis ("92.5", "98%"). */
  format?: (value: number) => string;
  /** Fixed y range (0–100 for scores and rates); otherwise it fits the values and targets. */
  yDomain?: readonly [number, number];
  width?: number;
  height?: number;
}

/** Colours that stay apart for up to 8 lines; the dash pattern tells them apart in greyscale print too. */
export const seriesColours = [
  '#1d5fa7',
  '#b42318',
  '#027a48',
  '#b54708',
  '#6941c6',
  '#0e7090',
  '#c11574',
  '#475467',
] as const;
const dashes = ['', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3', '8 3 2 3'] as const;

/** An SVG path through the values, broken where a value is missing. */
function pathOf(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string {
  let path = '';
  let pen = false;
  values.forEach((value, index) => {
    if (value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
    pen = true;
  });
  return path;
}

/**
 * Several series over the same periods, with target lines, drawn as plain SVG (in the server's
 * HTML, printable), a legend in HTML, and the numbers in a table (periods down, series across).
 */
export function TrendLineChart({
  categories,
  lines,
  targets = [],
  caption,
  labels,
  format = String,
  yDomain,
  width = 640,
  height = 280,
}: TrendLineChartProps) {
  const left = 44;
  const right = 16;
  const top = 12;
  const bottom = 28;
  const values = [
    ...lines.flatMap((line) => line.values.filter((v): v is number => v !== null)),
    ...targets.map((target) => target.value),
  ];
  const fitted = yDomain
    ? { min: yDomain[0], max: yDomain[1] }
    : { min: Math.min(0, ...values), max: Math.max(1, ...values) };
  const { domain, ticks } = niceTicks(fitted);
  const y = linear(domain, height - bottom, top);
  const step = categories.length > 1 ? (width - left - right) / (categories.length - 1) : 0;
  const x = (index: number) => (categories.length > 1 ? left + index * step : (left + width - right) / 2);
  return (
    <figure className="chart chart-trend">
      <figcaption>{caption}</figcaption>
      {/* Drawing and table side by side where the screen is wide enough (the page's CSS), stacked on a phone. */}
      <div className="chart-graphic">
        <svg
          className="chart-canvas"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          aria-hidden="true"
          focusable="false"
        >
          {ticks.map((tick) => (
            <g key={tick} className="chart-grid">
              <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke="#d0d5dd" strokeDasharray="3 3" />
              <text x={left - 4} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#475467">
                {format(tick)}
              </text>
            </g>
          ))}
          {categories.map((category, index) => (
            <text key={category} x={x(index)} y={height - 8} textAnchor="middle" fontSize="11" fill="#475467">
              {category}
            </text>
          ))}
          {targets.map((target, index) => (
            <g key={target.label} className="chart-target">
              <line
                x1={left}
                x2={width - right}
                y1={y(target.value)}
                y2={y(target.value)}
                stroke="#b42318"
                strokeDasharray="6 4"
                strokeWidth="1.5"
              />
              {/* Labels of nearby targets (98 %, 96 %) are set apart along the line so they do not overprint. */}
              {/* A white halo keeps a label readable where it crosses a nearby target line. */}
              <text
                x={width - right - index * 150}
                y={y(target.value) - 4}
                textAnchor="end"
                fontSize="11"
                fill="#b42318"
                stroke="#fff"
                strokeWidth="3"
                paintOrder="stroke"
              >
                {target.label} {format(target.value)}
              </text>
            </g>
          ))}
          {lines.map((line, index) => {
            const colour = seriesColours[index % seriesColours.length];
            return (
              <g key={line.key} className="chart-line" data-series={line.key}>
                <path
                  d={pathOf(line.values, x, y)}
                  fill="none"
                  stroke={colour}
                  strokeWidth="2"
                  strokeDasharray={dashes[index % dashes.length] || undefined}
                />
                {line.values.map((value, i) =>
                  value === null ? null : <circle key={i} cx={x(i)} cy={y(value)} r="3" fill={colour} />,
                )}
              </g>
            );
          })}
        </svg>
        <ul className="chart-legend" aria-hidden="true">
          {lines.map((line, index) => (
            <li key={line.key}>
              <span
                className="chart-swatch"
                style={{
                  borderTopColor: seriesColours[index % seriesColours.length],
                  borderTopStyle: dashes[index % dashes.length] ? 'dashed' : 'solid',
                }}
              />
              {line.label}
            </li>
          ))}
        </ul>
      </div>
      <table className="chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.period}</th>
            {lines.map((line) => (
              <th key={line.key} scope="col">
                {line.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, index) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {lines.map((line) => {
                const value = line.values[index];
                return <td key={line.key}>{value === null || value === undefined ? '—' : format(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
        {targets.length > 0 ? (
          <tfoot>
            {targets.map((target) => (
              <tr key={target.label}>
                <th scope="row">{labels.target}</th>
                <td colSpan={Math.max(1, lines.length)}>
                  {target.label} {format(target.value)}
                </td>
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </figure>
  );
}
