import { Link, useLoaderData } from 'react-router';
import { isUnitCodeShape } from '@tally/casework';
import { caseDataRoles } from '@tally/db/roles';
import { Notice } from '@tally/ui';
import { NoticeDocument } from '../components/cases/notice-document.tsx';
import { PrintButton } from '../components/print-button.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import '../components/cases/cases.css';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/case-notices';

/** Every overdue case's supervision notice in one document, one A4 sheet each, for the supervising unit to print. */
export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const unit = new URL(request.url).searchParams.get('unit');
  return caller.cases.overdueNotices(isUnitCodeShape(unit) ? { unitCode: unit } : {});
});

export const handle = titleHandle((t) => t('cases.notices.link'));

export default function CaseNotices() {
  const { notices, more } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section className="notice-page">
      <div className="page-head no-print">
        <Link to="/cases?overdue=1">{t('cases.notices.back')}</Link>
        <span>{t('cases.notices.count', { count: notices.length })}</span>
        {notices.length > 0 && <PrintButton />}
      </div>
      {more && <Notice kind="info">{t('cases.notices.more', { count: notices.length })}</Notice>}
      {notices.length === 0 && <Notice kind="info">{t('cases.notices.none')}</Notice>}
      {notices.map((notice) => (
        <div key={notice.caseId} className="notice-batch-item">
          <NoticeDocument notice={notice} />
        </div>
      ))}
    </section>
  );
}
