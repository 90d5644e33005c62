import { isUnitCodeShape } from '@tally/casework';
import { Form, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db';
import { Notice, TrendLineChart } from '@tally/ui';
import { DashboardTabs } from '../components/dashboard/dashboard-tabs.tsx';
import dashboardStyles from '../components/dashboard/dashboard.css?url';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { dashboardParams } from '../lib/dashboard-params.ts';
import { dashboardSearch } from '../lib/dashboard-search.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { formatDateTime } from '../i18n/index.ts';
import { pickedUnits, trendPeriodLabel } from '../lib/trend-labels.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/dashboard-trends';

export const links = () => [{ rel: 'stylesheet', href: dashboardStyles }];

export const handle = titleHandle((t) => `${t('dashboard.title')} · ${t('dashboard.tab.trends')}`);

/** Lines on one chart: more than this and nobody can tell them apart. */
const MAX_LINES = 8;

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const search = new URL(request.url).searchParams;
  const params = dashboardParams(search, actor, new Date());
  const granularity = search.get('by') === 'quarter' ? 'quarter' : 'month';
  // A township's trends rank its villages: the county's townships are scored live only for the county.
  const scopeCode = params.scopeCode.startsWith(actor.scope) ? params.scopeCode : `${actor.unitCode.slice(0, 9)}000`;
  const trend =
    actor.role === 'village_staff'
      ? null
      : await caller.dashboard.scoreTrend({ year: params.year, granularity, scopeCode });
  const known = trend?.units.map((unit) => unit.code) ?? [];
  const picked = search.has('unit')
    ? pickedUnits(search, known, MAX_LINES)
    : { codes: known.slice(0, 3), truncated: false };
  const indicatorUnit = isUnitCodeShape(search.get('indicatorUnit') ?? '')
    ? search.get('indicatorUnit')!
    : actor.unitCode;
  const indicators = await caller.dashboard.indicatorTrend({ year: params.year, granularity, unitCode: indicatorUnit });
  // The page draws the picked units only: it carries their series, not every unit's.
  const drawn = trend
    ? { ...trend, series: trend.series.filter((line) => picked.codes.includes(line.unitCode)) }
    : null;
  return { params: { ...params, scopeCode }, granularity, trend: drawn, picked, indicators, indicatorUnit };
});

/** Scores to date and indicator rates over the year, several units on one chart, each chart with its table. */
export default function DashboardTrends() {
  const { params, granularity, trend, picked, indicators } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const names = new Map(trend?.units.map((unit) => [unit.code, unit.name]) ?? []);
  const categories = (trend?.periods ?? []).map((period) => trendPeriodLabel(period.label, t));
  const percent = (value: number) => `${value}%`;
  const targets = indicators.targets;
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <DashboardTabs search={dashboardSearch(params)} />
      <Form method="get" className="inline-form trends-form">
        <input type="hidden" name="scope" value={params.scopeCode} />
        <label>
          {t('assessment.year')}
          <input type="number" name="year" min={2000} max={2100} defaultValue={params.year} required />
        </label>
        <label>
          {t('dashboard.trends.granularity')}
          <select name="by" defaultValue={granularity}>
            <option value="month">{t('dashboard.trends.month')}</option>
            <option value="quarter">{t('dashboard.trends.quarter')}</option>
          </select>
        </label>
        {trend && trend.units.length > 0 ? (
          <fieldset className="unit-picks">
            <legend>{t('dashboard.trends.units')}</legend>
            {trend.units.map((unit) => (
              <label key={unit.code}>
                <input
                  type="checkbox"
                  name="unit"
                  value={unit.code}
                  defaultChecked={picked.codes.includes(unit.code)}
                />{' '}
                {unit.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label>
          {t('dashboard.trends.indicatorUnit')}
          <select name="indicatorUnit" defaultValue={indicators.unitCode}>
            <option value={indicators.unitCode}>{indicators.unitName}</option>
            {(trend?.units ?? [])
              .filter((unit) => unit.code !== indicators.unitCode)
              .map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {unit.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit">{t('assessment.show')}</button>
      </Form>
      {picked.truncated ? <Notice kind="info">{t('dashboard.trends.tooMany')}</Notice> : null}
      {trend?.readTo ? (
        picked.codes.length === 0 ? (
          <p>{t('dashboard.trends.none')}</p>
        ) : (
          <>
            <p className="muted">
              {t('dashboard.source.live', {
                readTo: formatCivilDate(trend.readTo, language),
                asOf: formatDateTime(trend.computedAt, language),
              })}
              {trend.aggregatesAsOf ? (
                <>
                  {' '}
                  ·{' '}
                  <span data-testid="aggregates-as-of">
                    {t('dashboard.source.aggregates', { asOf: formatDateTime(trend.aggregatesAsOf, language) })}
                  </span>
                </>
              ) : null}
            </p>
            <TrendLineChart
              caption={`${params.year} · ${t('dashboard.trends.scores')}`}
              categories={categories}
              labels={{ period: t('dashboard.periodColumn'), target: t('dashboard.target') }}
              yDomain={[0, 100]}
              lines={picked.codes.map((code) => ({
                key: code,
                label: names.get(code) ?? code,
                values:
                  trend.series.find((line) => line.unitCode === code)?.points.map((point) => point.finalMilli / 1000) ??
                  [],
              }))}
            />
          </>
        )
      ) : trend ? (
        <Notice kind="info">{t('assessment.rules.none', { year: params.year })}</Notice>
      ) : null}
      {(
        [
          [
            'cases',
            [
              ['closure', 'dashboard.indicator.closure'],
              ['onTime', 'dashboard.indicator.onTime'],
            ],
          ],
          [
            'disputes',
            [
              ['success', 'dashboard.indicator.success'],
              ['satisfaction', 'dashboard.indicator.satisfaction'],
            ],
          ],
          ['reports', [['reporting', 'dashboard.indicator.reporting']]],
        ] as const
      ).map(([group, rates]) => (
        <TrendLineChart
          key={group}
          caption={`${t('dashboard.trends.indicators', { unit: indicators.unitName })} · ${rates.map(([, label]) => t(label)).join('、')}`}
          categories={indicators.points.map((point) => trendPeriodLabel(point.period, t))}
          labels={{ period: t('dashboard.periodColumn'), target: t('dashboard.target') }}
          format={percent}
          yDomain={[0, 100]}
          lines={rates.map(([key, label]) => ({
            key,
            label: t(label),
            values: indicators.points.map((point) => point[key]),
          }))}
          targets={rates.map(([key, label]) => ({
            label: t('dashboard.targetOf', { indicator: t(label) }),
            value: targets[key],
          }))}
        />
      ))}
    </section>
  );
}
