import type { ReportingRates } from '@tally/reporting';

/** Expected, actual, on time and the two rates, as table cells. */
export function RatesCells({ rates }: { rates: ReportingRates | null }) {
  if (!rates) return <><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></>;
  return (
    <>
      <td>{rates.expected}</td>
      <td>{rates.actual}</td>
      <td>{rates.onTime}</td>
      <td>{rates.reportingRate.display}</td>
      <td>{rates.onTimeRate.display}</td>
    </>
  );
}
