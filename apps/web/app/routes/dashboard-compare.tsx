import { Form, Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db';
import { DashboardTabs } from '../components/dashboard/dashboard-tabs.tsx';
import { PeriodNotice } from '../components/period-notice.tsx';
import assessmentStyles from '../components/assessment/assessment.css?url';
import dashboardStyles from '../components/dashboard/dashboard.css?url';
import { scopeOptions } from '../lib/assessment-scopes.ts';
import {
  compareColumns,
  compareSort,
  compareWindow,
  sortCompareRows,
  type CompareRate,
} from '../lib/compare-columns.ts';
import { dashboardParams } from '../lib/dashboard-params.ts';
import { dashboardSearch } from '../lib/dashboard-search.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/dashboard-compare';

export const links = () => [
  { rel: 'stylesheet', href: assessmentStyles },
  { rel: 'stylesheet', href: dashboardStyles },
];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const search = new URL(request.url).searchParams;
  const params = dashboardParams(search, actor, new Date());
  const scopeCode = params.scopeCode.startsWith(actor.scope) ? params.scopeCode : `${actor.unitCode.slice(0, 9)}000`;
  const window = compareWindow(search, new Date());
  const [units, compared] = await Promise.all([
    caller.units.tree(),
    caller.dashboard.sideBySide({ scopeCode, from: window.from, to: window.to }),
  ]);
  const sort = compareSort(search);
  return {
    params: { ...params, scopeCode },
    window,
    sort,
    compared: { ...compared, rows: sortCompareRows(compared.rows, sort.key, sort.dir) },
    units: units.map(({ code, name, level }) => ({ code, name, level })),
  };
});

function RateCell({ rate, below }: { rate: CompareRate; below: string }) {
  return rate.meets === false ? (
    <td className="below-target">
      {rate.display}{' '}
      <span role="img" aria-label={below} title={below}>
        ▼
      </span>
    </td>
  ) : (
    <td>{rate.display}</td>
  );
}

export const handle = titleHandle((t) => `${t('dashboard.title')} · ${t('dashboard.tab.compare')}`);

/** Every township (or every village of one township) in one table, sortable by any column without JavaScript. */
export default function DashboardCompare() {
  const { params, window, sort, compared, units } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const scopes = scopeOptions(units, t);
  const base = { scope: params.scopeCode, from: window.from, to: window.to };
  const sortHref = (key: string) =>
    `?${new URLSearchParams({ ...base, sort: key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' }).toString()}`;
  const arrow = (key: string) => (sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '');
  const below = t('dashboard.compare.belowTarget');
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <DashboardTabs search={dashboardSearch(params)} />
      <Form method="get" className="inline-form">
        <label>
          {t('dashboard.compare.from')}
          <input type="date" name="from" defaultValue={window.from} required />
        </label>
        <label>
          {t('dashboard.compare.to')}
          <input type="date" name="to" defaultValue={window.to} required />
        </label>
        <label>
          {t('assessment.scope')}
          <select name="scope" defaultValue={params.scopeCode}>
            {scopes.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('assessment.show')}</button>
      </Form>
      <PeriodNotice refusal={window.refusal} from={window.from} to={window.to} />
      <p className="muted">{t('dashboard.compare.targets', { ...compared.targets })}</p>
      <p>
        <a href={`/dashboard/compare/export?${new URLSearchParams(base).toString()}`} download>
          {t('dashboard.compare.export')}
        </a>
      </p>
      <div className="table-scroll">
        <table className="ranking-table compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">
                <Link to={sortHref('unit')} title={t('dashboard.compare.sortBy')}>
                  {t('assessment.unit')}
                  {arrow('unit')}
                </Link>
              </th>
              {compareColumns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort.key === column.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <Link to={sortHref(column.key)} title={t('dashboard.compare.sortBy')}>
                    {t(column.label)}
                    {arrow(column.key)}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compared.rows.map((row) => (
              <tr key={row.unitCode} data-unit={row.unitCode}>
                <th scope="row">{row.unitName}</th>
                <td>{row.received}</td>
                <td>{row.unique}</td>
                <td>{row.closed}</td>
                <RateCell rate={row.closureRate} below={below} />
                <RateCell rate={row.onTimeRate} below={below} />
                <td>{row.collective}</td>
                <td>{row.skipLevel}</td>
                <td>{row.disputes}</td>
                <RateCell rate={row.success} below={below} />
                <RateCell rate={row.satisfaction} below={below} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
