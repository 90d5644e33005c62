import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { ActionNotice } from '../components/action-notice.tsx';
import { FiguresTable } from '../components/reports/figures-table.tsx';
import reportsStyles from '../components/reports/reports.css?url';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { kindKey, periodLabel, reportStateKey } from '../lib/report-labels.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/report-detail';

export const links = () => [{ rel: 'stylesheet', href: reportsStyles }];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function reportId(id: string | undefined): string {
  if (!id || !UUID.test(id)) throw new Response('not found', { status: 404 });
  return id;
}

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  return orNotFound(caller.reports.get({ id: reportId(params.id) }));
});

type DetailAction = {
  result: ActionResult;
  draft?: { work: string; problems: string; plans: string };
  comment?: string;
};

/** One form, several buttons: save, submit, zero report; accept or return for the unit above. */
export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs): Promise<DetailAction> => {
  const { caller } = await requireCaller(request, context);
  const id = reportId(params.id);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '');
  const expectedVersion = Number(field('expectedVersion')) || 0;
  const intent = field('intent');
  if (intent === 'accept' || intent === 'return') {
    const comment = field('comment');
    const result = await runAction(
      () =>
        caller.reports.review({ id, expectedVersion, outcome: intent === 'accept' ? 'accepted' : 'returned', comment }),
      { messageKey: 'reports.reviewed' },
    );
    return { result, comment };
  }
  const draft = { work: field('work'), problems: field('problems'), plans: field('plans') };
  const result = await runAction(
    async () => {
      if (intent === 'submit') await caller.reports.submit({ id, expectedVersion, narrative: draft });
      else if (intent === 'submitZero') await caller.reports.submitZero({ id, expectedVersion });
      else await caller.reports.saveDraft({ id, expectedVersion, narrative: draft });
    },
    { messageKey: intent === 'submit' || intent === 'submitZero' ? 'reports.submitted' : 'reports.saved' },
  );
  return { result, draft };
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, { report }, language) =>
  t('reports.reportTitle', {
    unit: report.unitName,
    period: periodLabel(report.periodKey, language),
    kind:
      report.kind === 'monthly' || report.kind === 'half_monthly' || report.kind === 'quarterly'
        ? t(kindKey(report.kind))
        : report.kind,
  }),
);

export default function ReportDetail() {
  const { report, versions, changedSinceFiled, mayEdit, mayReview } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, language } = useI18n();
  const draft = data && !data.result.ok ? data.draft : undefined;
  const narrative = draft ?? report.narrative;
  return (
    <section>
      <h1>
        {t('reports.reportTitle', {
          unit: report.unitName,
          period: periodLabel(report.periodKey, language),
          kind:
            report.kind === 'monthly' || report.kind === 'half_monthly' || report.kind === 'quarterly'
              ? t(kindKey(report.kind))
              : report.kind,
        })}
      </h1>
      <p>
        <Link to="/reports">{t('reports.title')}</Link> · <Link to="/reports/matrix">{t('reports.matrixTitle')}</Link>
        {' · '}
        <Link to={`/reports/${report.id}/print`}>{t('reports.print')}</Link> ·{' '}
        <a href={`/reports/${report.id}/docx`} download>
          {t('reports.docx')}
        </a>
      </p>
      <p>
        {t('reports.state')}：<strong data-testid="report-state">{t(reportStateKey(report.state))}</strong>
        {report.zero && `（${t('reports.zeroLine')}）`}
      </p>
      <ActionNotice result={data?.result} />
      <h2>{t('reports.figures')}</h2>
      <FiguresTable figures={report.figures} />
      {mayEdit ? (
        <Form method="post" className="report-form">
          <input type="hidden" name="expectedVersion" value={report.version} />
          {(['work', 'problems', 'plans'] as const).map((part) => (
            <label key={`${part}-${report.version}`}>
              {t(`reports.narrative.${part}`)}
              <textarea name={part} defaultValue={narrative[part]} maxLength={5000} />
            </label>
          ))}
          <p className="hint">{t('reports.immediate.noPersonalData')}</p>
          <div className="buttons">
            <button type="submit" name="intent" value="save">
              {t('reports.save')}
            </button>
            <button type="submit" name="intent" value="submit">
              {t('reports.submit')}
            </button>
            <button type="submit" name="intent" value="submitZero">
              {t('reports.submitZero')}
            </button>
          </div>
        </Form>
      ) : (
        <dl className="facts">
          {(['work', 'problems', 'plans'] as const).map((part) => (
            <div key={part}>
              <dt>{t(`reports.narrative.${part}`)}</dt>
              <dd className="narrative-text">{report.narrative[part] || '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      {mayReview && (
        <Form method="post" className="report-form" data-testid="review-form">
          <input type="hidden" name="expectedVersion" value={report.version} />
          <label>
            {t('reports.comment')}
            <textarea name="comment" defaultValue={data?.comment ?? ''} maxLength={2000} />
          </label>
          <div className="buttons">
            <button type="submit" name="intent" value="accept">
              {t('reports.accept')}
            </button>
            <button type="submit" name="intent" value="return">
              {t('reports.return')}
            </button>
          </div>
        </Form>
      )}
      {versions.length > 0 && (
        <>
          <h2>{t('reports.changed')}</h2>
          {changedSinceFiled.length === 0 ? (
            <p>{t('reports.changedNone')}</p>
          ) : (
            <>
              <p>{t('reports.changedHint')}</p>
              <ul data-testid="changed-since-filed">
                {changedSinceFiled.map((change) => (
                  <li key={change.path}>
                    <code>{change.path}</code>：{change.filed} → {change.now}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('reports.versions')}</h2>
          <ol className="version-list" data-testid="report-versions">
            {versions.map((version) => (
              <li key={version.id}>
                {t('reports.versionLine', {
                  n: version.versionNo,
                  at: formatDateTime(version.submittedAt, language),
                  by: version.submittedByName,
                })}
                {version.zero && `（${t('reports.zeroLine')}）`}
                {version.reviewOutcome && version.reviewedAt && (
                  <div>
                    {t('reports.reviewLine', {
                      outcome: t(reportStateKey(version.reviewOutcome)),
                      at: formatDateTime(version.reviewedAt, language),
                      by: version.reviewedByName ?? '',
                    })}
                    {version.reviewComment && <p className="narrative-text">{version.reviewComment}</p>}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
