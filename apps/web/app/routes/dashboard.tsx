import { Form, Link, useLoaderData } from 'react-router';
import { assessmentPeriods } from '@tally/db/assessment';
import { caseDataRoles } from '@tally/db';
import { Notice, RankingBarChart } from '@tally/ui';
import { DashboardTabs } from '../components/dashboard/dashboard-tabs.tsx';
import { rankChangeText } from '../components/dashboard/rank-change.ts';
import assessmentStyles from '../components/assessment/assessment.css?url';
import dashboardStyles from '../components/dashboard/dashboard.css?url';
import { formatDateTime } from '../i18n/index.ts';
import { scopeOptions } from '../lib/assessment-scopes.ts';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { dashboardParams } from '../lib/dashboard-params.ts';
import { dashboardSearch } from '../lib/dashboard-search.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/dashboard';

export const links = () => [
  { rel: 'stylesheet', href: assessmentStyles },
  { rel: 'stylesheet', href: dashboardStyles },
];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const params = dashboardParams(new URL(request.url).searchParams, actor, new Date());
  const [units, ranking] = await Promise.all([
    caller.units.tree(),
    caller.dashboard.ranking({
      year: params.year,
      period: params.period,
      scopeCode: params.scopeCode,
      toDate: params.toDate,
    }),
  ]);
  const countyCode = `${actor.unitCode.slice(0, 6)}000000`;
  // A township also reads the county's published township ranking: offer it as a scope.
  const scopeUnits = units.some((unit) => unit.level === 'county')
    ? units
    : [{ code: countyCode, name: '', level: 'county' as const }, ...units];
  return {
    params,
    ranking,
    // Only the county and townships are scopes (villages are ranked, never ranked under): the page
    // carries 13 units, not the county's 193.
    units: scopeUnits.flatMap((unit) =>
      unit.level === 'county' || unit.level === 'township'
        ? [{ code: unit.code, name: unit.name, level: unit.level }]
        : [],
    ),
  };
});

export const handle = titleHandle((t) => `${t('dashboard.title')} · ${t('dashboard.tab.ranking')}`);

/** The ranking a county office opens first: table and bars, the previous period's rank and the change, published or live. */
export default function Dashboard() {
  const { params, ranking, units } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const scopes = scopeOptions(units, t);
  const periodLabel = params.toDate ? t('dashboard.period.toDate') : t(`assessment.period.${params.period}`);
  const scopeLabel = scopes.find((s) => s.code === params.scopeCode)?.label ?? '';
  const caption = `${params.year} · ${periodLabel} · ${scopeLabel}`;
  const current = ranking.current;
  const townshipScope = ranking.scope.level === 'county';
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <DashboardTabs search={dashboardSearch(params)} />
      <Form method="get" className="inline-form">
        <label>
          {t('assessment.year')}
          <input type="number" name="year" min={2000} max={2100} defaultValue={params.year} required />
        </label>
        <label>
          {t('assessment.period')}
          <select name="period" defaultValue={params.toDate ? 'toDate' : params.period}>
            {assessmentPeriods.map((p) => (
              <option key={p} value={p}>
                {t(`assessment.period.${p}`)}
              </option>
            ))}
            <option value="toDate">{t('dashboard.period.toDate')}</option>
          </select>
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
      {current.source === 'none' ? (
        <Notice kind="info">{t('dashboard.source.none')}</Notice>
      ) : (
        <p className="source-note" data-testid="ranking-source">
          <span className={`badge badge-${current.source}`}>
            {current.source === 'published' ? t('assessment.published') : t('assessment.live.title')}
          </span>{' '}
          {current.source === 'published'
            ? t('dashboard.source.published', { asOf: formatDateTime(current.asOf, language) })
            : t('dashboard.source.live', {
                readTo: formatCivilDate(current.readTo, language),
                asOf: formatDateTime(current.asOf, language),
              })}
          {current.source === 'live' && current.aggregatesAsOf ? (
            <>
              {' '}
              ·{' '}
              <span data-testid="aggregates-as-of">
                {t('dashboard.source.aggregates', { asOf: formatDateTime(current.aggregatesAsOf, language) })}
              </span>
            </>
          ) : null}
          {current.source === 'published' && townshipScope ? (
            <>
              {' '}
              · <Link to={`/dashboard/honours/${current.resultId}`}>{t('dashboard.honours')}</Link>
            </>
          ) : null}
        </p>
      )}
      {ranking.rows.length > 0 ? (
        <>
          <p className="muted">
            {t('dashboard.previous.about', {
              year: ranking.previous.year,
              period: t(`assessment.period.${ranking.previous.period}`),
              source: t(`dashboard.previous.${ranking.previous.source}`),
            })}
          </p>
          {/* The table is the bar chart's data table: side by side on a wide screen. */}
          <div className="ranking-pair">
            <div className="table-scroll">
              <table className="ranking-table" data-testid="dashboard-ranking">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assessment.rank')}</th>
                    <th scope="col">{t('assessment.unit')}</th>
                    <th scope="col">{t('assessment.final')}</th>
                    <th scope="col">{t('dashboard.previous')}</th>
                    <th scope="col">{t('dashboard.change')}</th>
                    {townshipScope ? (
                      <th scope="col">
                        <span className="visually-hidden">{t('dashboard.villages')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {ranking.rows.map((row) => (
                    <tr key={row.unitCode} data-unit={row.unitCode} className={row.vetoed ? 'vetoed' : undefined}>
                      <td>{row.rank}</td>
                      <td>
                        {row.breakdownHref ? <Link to={row.breakdownHref}>{row.unitName}</Link> : row.unitName}
                        {row.vetoed ? <span className="badge badge-danger">{t('assessment.vetoed')}</span> : null}
                      </td>
                      <td>{row.final}</td>
                      <td>{row.previousRank ?? '—'}</td>
                      <td
                        className={
                          row.change === null || row.change === 0
                            ? undefined
                            : row.change > 0
                              ? 'change-up'
                              : 'change-down'
                        }
                      >
                        {rankChangeText(row.change, t)}
                      </td>
                      {townshipScope ? (
                        <td>
                          {units.some((unit) => unit.code === row.unitCode) ? (
                            <Link to={dashboardSearch({ ...params, scopeCode: row.unitCode })}>
                              {t('dashboard.villages')}
                            </Link>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <RankingBarChart
              caption={t('dashboard.chart.ranking', { period: caption })}
              table={false}
              labels={{
                rank: t('assessment.rank'),
                unit: t('assessment.unit'),
                score: t('assessment.final'),
                vetoed: t('assessment.vetoed'),
              }}
              bars={ranking.rows.map((row) => ({
                key: row.unitCode,
                label: row.unitName,
                value: row.finalMilli / 1000,
                display: row.final,
                rank: row.rank,
                vetoed: row.vetoed,
              }))}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
