import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { shanghaiDate } from '@tally/casework';
import { periodOf } from '@tally/reporting';
import { caseDataRoles } from '@tally/db/roles';
import { ActionNotice } from '../components/action-notice.tsx';
import { CellLabel } from '../components/reports/cell-label.tsx';
import reportsStyles from '../components/reports/reports.css?url';
import { useI18n } from '../lib/i18n-context.ts';
import { kindKey, periodLabel } from '../lib/report-labels.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { reportsOverview } from '../.server/reports/overview.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/reports';

export const links = () => [{ rel: 'stylesheet', href: reportsStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const year = Number(new URL(request.url).searchParams.get('year')) || Number(shanghaiDate(new Date()).slice(0, 4));
  const today = shanghaiDate(new Date());
  const overview = await reportsOverview(caller, actor, Math.min(Math.max(year, 2000), 2100));
  // Periods not yet begun cannot be filed; show what is running or past.
  return {
    year,
    own: overview.own.filter((cell) => (periodOf(cell.kind, cell.periodKey)?.start ?? today) <= today),
    toReview: overview.toReview,
  };
});

/** 填报: open (or create) the own report of a period, then go to it. */
export const action = pageHandler(
  async ({ request, context }: Route.ActionArgs): Promise<{ result: ActionResult } | Response> => {
    const { caller } = await requireCaller(request, context);
    const form = await request.formData();
    const opened: { id?: string } = {};
    const result = await runAction(
      async () => {
        opened.id = (
          await caller.reports.draft({
            kind: String(form.get('kind') ?? ''),
            periodKey: String(form.get('periodKey') ?? ''),
          })
        ).id;
      },
      { messageKey: 'reports.saved' },
    );
    if (opened.id) return redirect(`/reports/${opened.id}`);
    return { result };
  },
);

export const handle = titleHandle((t) => t('reports.title'));

export default function Reports() {
  const { year, own, toReview } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, language } = useI18n();
  return (
    <section>
      <h1>{t('reports.title')}</h1>
      <p>
        <Link to="/reports/matrix">{t('reports.matrixTitle')}</Link> ·{' '}
        <Link to="/reports/immediate">{t('reports.immediate.title')}</Link>
      </p>
      {data && 'result' in data && <ActionNotice result={data.result} />}
      {own.length > 0 && (
        <>
          <h2>
            {t('reports.own')}（{year}）
          </h2>
          <div className="table-scroll">
            <table data-testid="own-reports">
              <thead>
                <tr>
                  <th scope="col">{t('reports.kindLabel')}</th>
                  <th scope="col">{t('reports.period')}</th>
                  <th scope="col">{t('reports.dueOn')}</th>
                  <th scope="col">{t('reports.state')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {own.map((cell) => (
                  <tr key={cell.id}>
                    <td>{t(kindKey(cell.kind))}</td>
                    <td>{periodLabel(cell.periodKey, language)}</td>
                    <td>{cell.dueOn}</td>
                    <td className={`cell-${cell.state}`}>
                      <CellLabel state={cell.state} reportId={cell.reportId} />
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="kind" value={cell.kind} />
                        <input type="hidden" name="periodKey" value={cell.periodKey} />
                        <button type="submit">{t('reports.open')}</button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{t('reports.toReview')}</h2>
      {toReview.length === 0 ? (
        <p>{t('reports.noneToReview')}</p>
      ) : (
        <ul data-testid="to-review">
          {toReview.map((cell) => (
            <li key={cell.id}>
              <Link to={`/reports/${cell.reportId}`}>
                {cell.unitName} · {periodLabel(cell.periodKey, language)} {t(kindKey(cell.reportKind))}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
