import { shanghaiDate } from '@tally/casework';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { OverviewTilesData } from '../../components/dashboard/overview-tiles.tsx';
import { caseListSearch } from '../../lib/case-list-query.ts';
import type { createCaller } from '../routers/root.ts';
import { missingReportsThisPeriod } from './missing-reports.ts';

type Caller = ReturnType<typeof createCaller>;

const RATE_LABELS = [
  ['closureRate', 'dashboard.indicator.closure'],
  ['onTimeRate', 'dashboard.indicator.onTime'],
  ['success', 'dashboard.indicator.success'],
  ['satisfaction', 'dashboard.indicator.satisfaction'],
] as const satisfies readonly (readonly [string, MessageKey])[];

/**
 * The county overview from the dashboard's own procedures: this year's township ranking (published
 * or to date), overdue cases, missing or late reports of the latest lapsed period, and township rates below target
 * this year. Bounded like the pages it links to: one county, this year.
 */
export async function countyOverview(
  caller: Caller,
  countyCode: string,
  now: Date,
  t: Translate,
): Promise<OverviewTilesData> {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const [ranking, overdue, compared, missing] = await Promise.all([
    caller.dashboard.ranking({ year, period: 'year', scopeCode: countyCode }),
    caller.cases.list({ overdue: true, pageSize: 1 }),
    caller.dashboard.sideBySide({ scopeCode: countyCode, from: `${year}-01-01`, to: today }),
    missingReportsThisPeriod(caller, today),
  ]);
  const rows = ranking.rows;
  return {
    ranking: {
      href: `/dashboard?year=${year}&period=year&scope=${countyCode}`,
      top: rows.slice(0, 3).map(({ unitName, final, rank }) => ({ unitName, final, rank })),
      bottom:
        rows.length > 3
          ? rows.slice(-3).map(({ unitName, final, rank, vetoed }) => ({ unitName, final, rank, vetoed }))
          : [],
    },
    overdue: { href: `/cases${caseListSearch({ overdue: true })}`, count: overdue.total },
    missingReports: {
      href: missing[0]?.href ?? '/reports/matrix',
      count: missing.reduce((sum, line) => sum + line.missing + line.late, 0),
      lines: missing.map(({ kind, periodKey, missing: absent, late, href }) => ({
        kind,
        periodKey,
        missing: absent,
        late,
        href,
      })),
    },
    belowTarget: {
      href: `/dashboard/compare?scope=${countyCode}&sort=closureRate&dir=asc`,
      items: compared.rows.flatMap((row) =>
        RATE_LABELS.flatMap(([key, label]) =>
          row[key].meets === false ? [{ unitName: row.unitName, indicator: t(label), display: row[key].display }] : [],
        ),
      ),
    },
  };
}
