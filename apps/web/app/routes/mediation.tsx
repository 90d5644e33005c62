import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/mediation';

const PAGE_SIZE = 20;

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const page = Math.min(100000, Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1));
  const [list, units] = await Promise.all([caller.mediation.list({ page, pageSize: PAGE_SIZE }), caller.units.tree()]);
  return { ...list, unitNames: Object.fromEntries(units.map((unit) => [unit.code, unit.name])) };
});

export const handle = titleHandle((t) => t('mediation.title'));

/** Agreements in scope, one server-side page at a time, each linking to its A4 view. */
export default function MediationList() {
  const { rows, total, page, pageSize, unitNames } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const hasMore = page * pageSize < total;
  return (
    <section>
      <h1>{t('mediation.title')}</h1>
      {rows.length === 0 ? (
        <p>{t('mediation.empty')}</p>
      ) : (
        <>
          <p className="count">{t('mediation.total', { total })}</p>
          <table className="data-table" data-testid="mediation-list">
            <thead>
              <tr>
                <th>{t('mediation.number')}</th>
                <th>{t('mediation.signedOn')}</th>
                <th>{t('disputes.field.unit')}</th>
                <th>{t('disputes.field.parties')}</th>
                <th>{t('mediation.mediator')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.agreementNumber}</td>
                  <td>{formatCivilDate(row.signedOn, language)}</td>
                  <td>{unitNames[row.unitCode] ?? row.unitCode}</td>
                  <td>
                    {row.parties}
                    {row.masked && <span className="count">{t('disputes.masked')}</span>}
                  </td>
                  <td>{row.mediator}</td>
                  <td>
                    <Link to={`/mediation/${row.id}/agreement`}>
                      {row.printable ? t('mediation.openPrint') : t('mediation.open')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <nav className="pager">
        {page > 1 && <Link to={`?page=${page - 1}`}>{t('common.previous')}</Link>}
        <span>{t('common.page', { page })}</span>
        {hasMore && <Link to={`?page=${page + 1}`}>{t('common.next')}</Link>}
      </nav>
    </section>
  );
}
