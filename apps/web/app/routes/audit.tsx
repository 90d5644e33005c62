import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../server/page-errors.ts';
import { requireCaller, requireRole } from '../server/request.ts';

export const loader = pageHandler(async ({ request, context }: LoaderFunctionArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, ['auditor'], request, context);
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1);
  return caller.audit.list({ page });
});

export default function Audit() {
  const { rows, hasMore, page } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.object')}</th>
              <th>{t('audit.result')}</th>
              <th>{t('audit.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDateTime(row.at, language)}</td>
                <td>{row.actorLogin ?? row.actorUserId ?? '—'}</td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>{row.objectType ? `${row.objectType}:${row.objectId ?? ''}` : '—'}</td>
                <td>{t(`audit.result.${row.result}`)}</td>
                <td>{row.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager">
        {page > 1 && <Link to={`?page=${page - 1}`}>{t('common.previous')}</Link>}
        <span>{t('common.page', { page })}</span>
        {hasMore && <Link to={`?page=${page + 1}`}>{t('common.next')}</Link>}
      </nav>
    </section>
  );
}
