import { Form, Link, useLoaderData } from 'react-router';
import { formatDateTime } from '../i18n/index.ts';
import { actionLabel, objectTypeLabel, roleLabel } from '../lib/audit-labels.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { titleHandle } from '../lib/page-title.ts';
import { auditFiltersFromSearch, auditSearch } from '../lib/audit-params.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import type { Route } from './+types/audit';

/** Action areas offered in the filter; any other code can still be typed into the URL. */
const ACTION_AREAS = [
  'auth',
  'users',
  'units',
  'registers',
  'imports',
  'cases',
  'mediation',
  'reports',
  'checks',
  'assessment',
  'calendar',
  'audit',
  'denied',
] as const;
const OBJECT_TYPES = [
  'user',
  'unit',
  'petition_case',
  'mediation_file',
  'report',
  'immediate_report',
  'import_batch',
  'rule_set',
  'assessment_result',
  'checking_event',
  'inspection_score',
  'work_calendar',
  'session',
  'audit_log',
] as const;

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, ['auditor'], request, context);
  const search = new URL(request.url).searchParams;
  const filters = auditFiltersFromSearch(search);
  const cursor = search.get('cursor') ?? undefined;
  const page = await caller.audit.list({ ...filters, cursor });
  return { ...page, filters, paged: cursor !== undefined };
});

export const handle = titleHandle((t) => t('audit.title'));

export default function Audit() {
  const { rows, next, filters, paged } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const english = language === 'en';
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <Form method="get" className="inline-form" aria-label={t('audit.filter.apply')}>
        <label>
          {t('audit.filter.actor')}
          <input name="actor" defaultValue={filters.actor ?? ''} maxLength={64} />
        </label>
        <label>
          {t('audit.filter.action')}
          <select name="action" defaultValue={filters.action ?? ''}>
            <option value="">{t('audit.filter.anyAction')}</option>
            {filters.action && !(ACTION_AREAS as readonly string[]).includes(filters.action) && (
              <option value={filters.action}>{actionLabel(t, filters.action)}</option>
            )}
            {ACTION_AREAS.map((area) => (
              <option key={area} value={area}>
                {t(`audit.area.${area}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.objectType')}
          <select name="objectType" defaultValue={filters.objectType ?? ''}>
            <option value="">{t('audit.filter.anyObject')}</option>
            {filters.objectType && !(OBJECT_TYPES as readonly string[]).includes(filters.objectType) && (
              <option value={filters.objectType}>{objectTypeLabel(t, filters.objectType, english)}</option>
            )}
            {OBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`audit.object.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.objectId')}
          <input name="objectId" defaultValue={filters.objectId ?? ''} maxLength={80} />
        </label>
        <label>
          {t('audit.filter.result')}
          <select name="result" defaultValue={filters.result ?? ''}>
            <option value="">{t('audit.filter.anyResult')}</option>
            {(['ok', 'denied', 'failed'] as const).map((result) => (
              <option key={result} value={result}>
                {t(`audit.result.${result}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.from')}
          <input type="date" name="from" defaultValue={filters.from ?? ''} />
        </label>
        <label>
          {t('audit.filter.to')}
          <input type="date" name="to" defaultValue={filters.to ?? ''} />
        </label>
        <button type="submit">{t('audit.filter.apply')}</button>
        <Link to="/audit">{t('audit.filter.clear')}</Link>
      </Form>
      <p>
        <a href={`/audit/export${auditSearch(filters)}`} download>
          {t('audit.export.xlsx')}
        </a>
        {' · '}
        <a href={`/audit/export${auditSearch(filters, { format: 'csv' })}`} download>
          {t('audit.export.csv')}
        </a>
      </p>
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
                <td>
                  {row.actorName ?? row.actorLogin ?? '—'}
                  {row.actorLogin && row.actorName && <span className="unit-code"> ({row.actorLogin})</span>}
                  {(row.actorUnitName || row.actorRole) && (
                    <div className="unit-code">
                      {[row.actorUnitName, row.actorRole && roleLabel(t, row.actorRole)].filter(Boolean).join(' · ')}
                    </div>
                  )}
                </td>
                <td title={row.action}>{actionLabel(t, row.action)}</td>
                <td>
                  {row.objectType ? (
                    <>
                      {objectTypeLabel(t, row.objectType, english)}{' '}
                      {row.objectName ?? <code>{row.objectId ?? ''}</code>}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{t(`audit.result.${row.result}`)}</td>
                <td>{row.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager">
        {paged && <Link to={auditSearch(filters) || '?'}>{t('audit.firstPage')}</Link>}
        {next && <Link to={auditSearch(filters, { cursor: next })}>{t('common.next')}</Link>}
      </nav>
    </section>
  );
}
