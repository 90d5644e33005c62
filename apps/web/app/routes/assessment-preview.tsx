import { Link, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import { PeriodForm } from '../components/assessment/period-form.tsx';
import assessmentStyles from '../components/assessment/assessment.css?url';
import { assessmentParams } from '../lib/assessment-params.ts';
import { scopeOptions } from '../lib/assessment-scopes.ts';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/assessment-preview';

export const links = () => [{ rel: 'stylesheet', href: assessmentStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, ['county_admin', 'county_staff'], request, context);
  const params = assessmentParams(new URL(request.url).searchParams, actor, new Date());
  const [units, preview] = await Promise.all([caller.units.tree(), caller.assessment.preview(params)]);
  return { params, preview, units: units.map((unit) => ({ code: unit.code, name: unit.name, level: unit.level })) };
});

function arrow(rankDelta: number): string {
  if (rankDelta < 0) return `↑${-rankDelta}`;
  if (rankDelta > 0) return `↓${rankDelta}`;
  return '—';
}

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) =>
  t('assessment.preview.title', { scope: data.units.find((unit) => unit.code === data.params.scopeCode)?.name ?? '' }),
);

/** The draft against the rules in force: every unit side by side, the ones whose rank moves first. */
export default function AssessmentPreview() {
  const { params, preview, units } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const scopes = scopeOptions(units, t);
  const scopeLabel = scopes.find((s) => s.code === params.scopeCode)?.label ?? '';
  return (
    <section>
      <p>
        <Link to={`/assessment/rules?year=${params.year}`}>← {t('assessment.rules.title')}</Link>
      </p>
      <h1>{t('assessment.preview.title', { scope: scopeLabel })}</h1>
      <PeriodForm
        year={params.year}
        period={params.period}
        scopeCode={params.scopeCode}
        scopes={scopes}
        action="/assessment/preview"
      />
      <p className="muted">
        {t('assessment.live.note', {
          hash: preview.draftHash.slice(0, 12),
          readTo: formatCivilDate(preview.readTo, language),
          state: t(preview.closed ? 'assessment.live.closed' : 'assessment.live.open'),
        })}
      </p>
      {preview.publishedHash ? null : <Notice kind="info">{t('assessment.preview.noPublished')}</Notice>}
      <div className="table-scroll">
        <table className="ranking-table" data-testid="preview-table">
          <thead>
            <tr>
              <th scope="col">{t('assessment.unit')}</th>
              <th scope="col">{t('assessment.preview.before')}</th>
              <th scope="col">{t('assessment.preview.after')}</th>
              <th scope="col">{t('assessment.preview.change')}</th>
              <th scope="col">{t('assessment.preview.rankChange')}</th>
              <th scope="col">{t('assessment.preview.lines')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.unitCode} data-unit={row.unitCode}>
                <td>{row.unitName}</td>
                <td>{row.before ? `${row.before.final}（${row.before.rank}）` : '—'}</td>
                <td>
                  {row.after.final}（{row.after.rank}）
                  {row.after.vetoed ? <span className="badge badge-danger">{t('assessment.vetoed')}</span> : null}
                </td>
                <td>{row.delta ?? '—'}</td>
                <td>{arrow(row.rankDelta)}</td>
                <td>{row.changedLines.map((line) => `${line.label} ${line.before} → ${line.after}`).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
