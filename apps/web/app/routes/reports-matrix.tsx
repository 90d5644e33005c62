import { Link, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import { PERIODIC_KINDS } from '@tally/reporting';
import { caseDataRoles } from '@tally/db/roles';
import { CellLabel } from '../components/reports/cell-label.tsx';
import { RatesCells, RatesHeadings } from '../components/reports/rates-cells.tsx';
import reportsStyles from '../components/reports/reports.css?url';
import { useI18n } from '../lib/i18n-context.ts';
import { kindKey, periodHeading } from '../lib/report-labels.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { matrixParams } from '../.server/reports/search-params.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/reports-matrix';

/** The filter labels a refusal names, the same words as the form's labels. */
const MATRIX_FIELD_LABELS = { kind: 'reports.kindLabel', year: 'reports.year', level: 'reports.level' } as const;

export const links = () => [{ rel: 'stylesheet', href: reportsStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const { params, refused } = matrixParams(new URL(request.url), new Date());
  const matrix = await caller.reports.matrix(params);
  return { matrix, refused, level: params.level ?? '', isCounty: actor.scope.length === 6 };
});

export const handle = titleHandle((t) => t('reports.matrixTitle'));

export default function ReportsMatrix() {
  const { matrix, refused, level, isCounty } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const exportQuery = new URLSearchParams({
    kind: matrix.kind,
    year: String(matrix.year),
    ...(level ? { level } : {}),
  });
  return (
    <section>
      <h1>{t('reports.matrixTitle')}</h1>
      <p>
        <Link to="/reports">{t('reports.title')}</Link>
      </p>
      {refused.length > 0 ? (
        <div data-testid="matrix-refusal">
          <Notice kind="error">
            {t('reports.matrixFallback', {
              fields: refused.map((field) => t(MATRIX_FIELD_LABELS[field])).join(language === 'en' ? ', ' : '、'),
              kind: t(kindKey(matrix.kind)),
              year: matrix.year,
            })}
          </Notice>
        </div>
      ) : null}
      <form method="get" className="report-filters">
        <label>
          {t('reports.kindLabel')}
          <select name="kind" defaultValue={matrix.kind}>
            {PERIODIC_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(kindKey(kind))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.year')}
          <input name="year" type="number" min={2000} max={2100} defaultValue={matrix.year} />
        </label>
        {isCounty && (
          <label>
            {t('reports.level')}
            <select name="level" defaultValue={level}>
              <option value="">{t('reports.level.all')}</option>
              <option value="township">{t('reports.level.township')}</option>
              <option value="village">{t('reports.level.village')}</option>
            </select>
          </label>
        )}
        <button type="submit">{t('reports.show')}</button>
      </form>
      <p>
        <a href={`/reports/matrix/export?${exportQuery}`} download>
          {t('reports.export')}
        </a>
      </p>
      <div className="table-scroll">
        <table className="report-matrix" data-testid="report-matrix">
          <thead>
            <tr>
              <th scope="col">{t('reports.unit')}</th>
              {/* The id lets a link (the overview's missing-reports tile) scroll to one period's column. */}
              {matrix.periods.map((period) => (
                <th key={period.key} id={`period-${period.key}`} scope="col">
                  {periodHeading(period.key, language)}
                </th>
              ))}
              <RatesHeadings />
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.unit.code}>
                <th scope="row">{row.unit.name}</th>
                {matrix.periods.map((period) => {
                  const cell = row.cells.find((c) => c.periodKey === period.key);
                  if (!cell) return <td key={period.key}>—</td>;
                  return (
                    <td key={period.key} id={cell.id} className={`cell-${cell.state}`} title={cell.dueOn}>
                      <CellLabel state={cell.state} reportId={cell.reportId} />
                    </td>
                  );
                })}
                <RatesCells rates={row.rates} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('reports.rates')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reports.level')}</th>
              <RatesHeadings />
            </tr>
          </thead>
          <tbody>
            {matrix.byLevel.map((line) => (
              <tr key={line.level}>
                <th scope="row">{t(`reports.level.${line.level}`)}</th>
                <RatesCells rates={line.rates} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
