import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db';
import { RankingTable } from '../components/assessment/ranking-table.tsx';
import assessmentStyles from '../components/assessment/assessment.css?url';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/assessment-result';

export const links = () => [{ rel: 'stylesheet', href: assessmentStyles }];

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const id = params.id ?? '';
  // Not a UUID: the same answer as a result out of reach.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new Response('not found', { status: 404 });
  return caller.assessment.result({ id });
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) =>
  t('assessment.result.title', { year: data.header.year, period: t(`assessment.period.${data.header.period}`) }),
);

export default function AssessmentResult() {
  const { header, ranking, openable, supersededBy } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const open = new Set(openable);
  const period = t(`assessment.period.${header.period}`);
  return (
    <section>
      <h1>{t('assessment.result.title', { year: header.year, period })}</h1>
      {supersededBy ? (
        <p className="notice">
          <Link to={`/assessment/results/${supersededBy}`}>{t('assessment.result.supersededBy')}</Link>
        </p>
      ) : null}
      {header.reason ? <p>{t('assessment.published.correction', { reason: header.reason })}</p> : null}
      <dl className="facts">
        <dt>{t('assessment.result.asOf')}</dt>
        <dd>{formatDateTime(header.asOf, language)}</dd>
        <dt>{t('assessment.result.hash')}</dt>
        <dd>
          <code>{header.ruleSetHash.slice(0, 16)}</code>
        </dd>
      </dl>
      {ranking.length > 0 ? (
        <RankingTable
          caption={`${header.year} · ${period}`}
          rows={ranking.map((row) => ({
            ...row,
            href: open.has(row.unitCode) ? `/assessment/results/${header.id}/${row.unitCode}` : null,
          }))}
        />
      ) : (
        <ul>
          {openable.map((code) => (
            <li key={code}>
              <Link to={`/assessment/results/${header.id}/${code}`}>{t('assessment.result.openBreakdown')}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
