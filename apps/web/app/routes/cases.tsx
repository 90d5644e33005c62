import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { CaseFilters } from '../components/cases/case-filters.tsx';
import { CaseTable } from '../components/cases/case-table.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { caseListPeriodRefusal, caseListSearch, parseCaseListQuery } from '../lib/case-list-query.ts';
import { fieldLabel } from '../lib/field-label.ts';
import { Notice } from '@tally/ui';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import '../components/cases/cases.css';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/cases';

const PAGE_SIZE = 20;

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const search = new URL(request.url).searchParams;
  const query = parseCaseListQuery(search);
  const periodRefusal = caseListPeriodRefusal(search);
  const [list, units] = await Promise.all([caller.cases.list({ ...query, pageSize: PAGE_SIZE }), caller.units.tree()]);
  return { list, query, periodRefusal, unitNames: Object.fromEntries(units.map((unit) => [unit.code, unit.name])) };
});

export const handle = titleHandle((t) => t('cases.title'));

export default function Cases() {
  const { list, query, periodRefusal, unitNames } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  // A refused received-date period is not applied: the list is not limited by date, and says why.
  const periodReason = periodRefusal
    ? t(periodRefusal.rule === 'date' ? 'error.input.date' : 'error.input.beforeFrom', {
        field: fieldLabel(periodRefusal.field, t),
      })
    : null;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <section>
      <div className="page-head">
        <h1>{t('cases.title')}</h1>
        <Link to="/cases/new" className="button-link">
          {t('cases.new')}
        </Link>
        <Link to="/registers/petitions/import">{t('imports.petitionsLink')}</Link>
        {query.overdue && <Link to="/cases/notices">{t('cases.notices.link')}</Link>}
        <a href={`/cases/export?format=xlsx&${caseListSearch({ ...query, page: 1 }).replace(/^\?/, '')}`} download>
          {t('registers.exportXlsx')}
        </a>
        <a href={`/cases/export?format=csv&${caseListSearch({ ...query, page: 1 }).replace(/^\?/, '')}`} download>
          {t('registers.exportCsv')}
        </a>
      </div>
      <CaseFilters query={query} />
      {periodReason && (
        <div data-testid="period-refusal">
          <Notice kind="error">{t('period.dropped', { reason: periodReason })}</Notice>
        </div>
      )}
      <p className="count">{t('cases.total', { total: list.total })}</p>
      <CaseTable rows={list.rows} unitNames={unitNames} />
      <nav className="pager">
        {list.page > 1 && (
          <Link to={caseListSearch({ ...query, page: list.page - 1 }) || '?'}>{t('common.previous')}</Link>
        )}
        <span>
          {t('common.page', { page: list.page })} / {pages}
        </span>
        {list.page < pages && <Link to={caseListSearch({ ...query, page: list.page + 1 })}>{t('common.next')}</Link>}
      </nav>
    </section>
  );
}
