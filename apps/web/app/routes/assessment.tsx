import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import { caseDataRoles } from '@tally/db';
import { ActionNotice } from '../components/action-notice.tsx';
import { PeriodForm } from '../components/assessment/period-form.tsx';
import { RankingTable } from '../components/assessment/ranking-table.tsx';
import assessmentStyles from '../components/assessment/assessment.css?url';
import { formatDateTime } from '../i18n/index.ts';
import { assessmentParams } from '../lib/assessment-params.ts';
import { scopeOptions } from '../lib/assessment-scopes.ts';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { UserFacingError } from '../.server/errors.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/assessment';

export const links = () => [{ rel: 'stylesheet', href: assessmentStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const params = assessmentParams(new URL(request.url).searchParams, actor, new Date());
  const [units, ruleSets, results] = await Promise.all([
    caller.units.tree(),
    caller.assessment.ruleSets({ year: params.year }),
    caller.assessment.results({ year: params.year }),
  ]);
  // A village ranks nothing: it reads its own published breakdowns below.
  const live =
    actor.role === 'village_staff' || !ruleSets.published
      ? null
      : await caller.assessment.live(params).catch((error: unknown) => {
          if (error instanceof UserFacingError) return null;
          throw error;
        });
  return {
    params,
    live,
    results,
    published: ruleSets.published
      ? { label: ruleSets.published.label, version: ruleSets.published.ruleVersion, hash: ruleSets.published.hash }
      : null,
    units: units.map((unit) => ({ code: unit.code, name: unit.name, level: unit.level })),
    canPublish: actor.role === 'county_admin',
  };
});

export const action = pageHandler(async ({ request, context }: Route.ActionArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  const form = await request.formData();
  const params = assessmentParams(
    new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)])),
    actor,
    new Date(),
  );
  const reason = String(form.get('reason') ?? '').trim();
  return runAction(() => caller.assessment.publishResult({ ...params, ...(reason ? { reason } : {}) }), {
    messageKey: 'assessment.result.publishedNow',
  });
});

export const handle = titleHandle((t) => t('assessment.title'));

export default function Assessment() {
  const { params, live, results, published, units, canPublish } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, language } = useI18n();
  const scopes = scopeOptions(units, t);
  const scopeLabel = scopes.find((s) => s.code === params.scopeCode)?.label ?? '';
  return (
    <section>
      <h1>{t('assessment.title')}</h1>
      <ActionNotice result={result} />
      <PeriodForm year={params.year} period={params.period} scopeCode={params.scopeCode} scopes={scopes} />
      {published ? null : <Notice kind="info">{t('assessment.rules.none', { year: params.year })}</Notice>}
      {live ? (
        <>
          <h2>{t('assessment.live.title')}</h2>
          <p className="muted">
            {t('assessment.live.note', {
              hash: live.ruleSetHash.slice(0, 12),
              readTo: formatCivilDate(live.readTo, language),
              state: t(live.closed ? 'assessment.live.closed' : 'assessment.live.open'),
            })}
          </p>
          <RankingTable
            caption={`${params.year} · ${t(`assessment.period.${params.period}`)} · ${scopeLabel}`}
            rows={live.rows.map((row) => ({
              ...row,
              note: live.closed
                ? ''
                : [
                    row.assessedWeightPct < 100 ? t('assessment.live.assessed', { pct: row.assessedWeightPct }) : '',
                    row.atRisk.map((risk) => `${risk.label} ${risk.have}/${risk.need}`).join('、'),
                  ]
                    .filter(Boolean)
                    .join('；'),
            }))}
          />
          {canPublish ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="year" value={params.year} />
              <input type="hidden" name="period" value={params.period} />
              <input type="hidden" name="scope" value={params.scopeCode} />
              <label>
                {t('assessment.publish.reason')}
                <input name="reason" maxLength={500} />
              </label>
              <button type="submit">{t('assessment.publish')}</button>
            </Form>
          ) : null}
        </>
      ) : null}
      <h2>{t('assessment.published')}</h2>
      {results.length === 0 ? (
        <p>{t('assessment.published.none')}</p>
      ) : (
        <ul className="result-list">
          {results.map((r) => (
            <li key={r.id}>
              <Link to={`/assessment/results/${r.id}`}>
                {scopes.find((s) => s.code === r.scopeCode)?.label ?? r.scopeCode} ·{' '}
                {t('assessment.published.at', {
                  period: t(`assessment.period.${r.period}`),
                  asOf: formatDateTime(r.asOf, language),
                  by: r.publishedByName,
                })}
              </Link>
              {r.current ? null : <span className="badge">{t('assessment.published.superseded')}</span>}
              {r.reason ? (
                <span className="muted"> {t('assessment.published.correction', { reason: r.reason })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/assessment/rules?year=${params.year}`}>{t('nav.assessmentRules')}</Link>
      </p>
    </section>
  );
}
