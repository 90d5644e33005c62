import { linear, niceTicks } from './scale.ts';

export interface RankingBar {
  /** Stable key (a unit code). */
  key: string;
  /** What the axis and the table show (a unit's name). */
  label: string;
  /** The score as a number, for the bar's length. */
  value: number;
  /** The score as the office writes it ("92.5"), for the label and the table. */
  display: string;
  /** Rank as shown in the table (ties share one). */
  rank: number;
  /** Vetoed units are drawn in the warning colour and marked in the table. */
  vetoed?: boolean;
  /** Extra cells for the table (previous rank, change), already in the reader's words. */
  extra?: readonly string[];
}

export interface RankingBarChartProps {
  bars: readonly RankingBar[];
  /** The chart's title, also the table's caption. */
  caption: string;
  /** Column headings and the veto mark, in the reader's language. */
  labels: { rank: string; unit: string; score: string; vetoed: string; extra?: readonly string[] };
  /** Drawing width in SVG units; the SVG scales down to its box (390 px phones). */
  width?: number;
  barHeight?: number;
  /** Leave the table out when the page shows its own richer table of the same rows. */
  table?: boolean;
}

/**
 * A horizontal bar chart of a ranking in the order given (best first), drawn as plain SVG so the
 * server's HTML already holds it (no JavaScript, printable), with the same numbers in a table
 * under it for screen readers; the drawing itself is aria-hidden.
 */
export function RankingBarChart({
  bars,
  caption,
  labels,
  width = 640,
  barHeight = 26,
  table = true,
}: RankingBarChartProps) {
  const labelWidth = Math.min(180, Math.max(48, ...bars.map((bar) => [...bar.label].length * 14 + 8)));
  const top = 8;
  const axis = 20;
  const height = top + bars.length * barHeight + axis;
  const { domain, ticks } = niceTicks({ min: 0, max: Math.max(1, ...bars.map((bar) => bar.value)) });
  const x = linear(domain, labelWidth, width - 48);
  return (
    <figure className="chart chart-ranking">
      <figcaption>{caption}</figcaption>
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
            <line x1={x(tick)} x2={x(tick)} y1={top} y2={height - axis} stroke="#d0d5dd" strokeDasharray="3 3" />
            <text x={x(tick)} y={height - 6} textAnchor="middle" fontSize="11" fill="#475467">
              {tick}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const y = top + index * barHeight;
          return (
            <g key={bar.key} className="chart-bar" data-unit={bar.key}>
              <text x={labelWidth - 6} y={y + barHeight / 2 + 4} textAnchor="end" fontSize="13" fill="#101828">
                {bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(0, x(bar.value) - labelWidth)}
                height={barHeight - 8}
                fill={bar.vetoed ? '#b42318' : '#1d5fa7'}
              />
              <text x={x(bar.value) + 4} y={y + barHeight / 2 + 4} fontSize="12" fill="#101828">
                {bar.display}
              </text>
            </g>
          );
        })}
      </svg>
      {table ? (
        <table className="chart-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.rank}</th>
              <th scope="col">{labels.unit}</th>
              <th scope="col">{labels.score}</th>
              {(labels.extra ?? []).map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key} data-unit={bar.key}>
                <td>{bar.rank}</td>
                <th scope="row">{bar.vetoed ? `${bar.label} (${labels.vetoed})` : bar.label}</th>
                <td>{bar.display}</td>
                {(bar.extra ?? []).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}
