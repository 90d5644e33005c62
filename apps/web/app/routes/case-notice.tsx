import { Link, data, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { Notice } from '@tally/ui';
import { NoticeDocument } from '../components/cases/notice-document.tsx';
import { PrintButton } from '../components/print-button.tsx';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { caseErrorMessage } from '../.server/case-form-errors.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import '../components/cases/cases.css';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/case-notice';

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const id = params.id ?? '';
  // A case out of scope is a 404; one in scope but not overdue is refused in words (409).
  await orNotFound(caller.cases.get({ id }));
  try {
    return { id, notice: await caller.cases.notice({ id }), refusal: null };
  } catch (error) {
    const t = translator(languageFromCookie(request.headers.get('cookie')));
    return data({ id, notice: null, refusal: caseErrorMessage(error, t).message }, { status: 409 });
  }
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) => `${t('cases.notice.title')} ${data.notice?.caseNumber ?? ''}`);

export default function CaseNotice() {
  const { id, notice, refusal } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section className="notice-page">
      <div className="page-head no-print">
        <Link to={`/cases/${id}`}>{t('cases.notice.back')}</Link>
        {notice && <PrintButton />}
      </div>
      {refusal && <Notice kind="error">{refusal}</Notice>}
      {notice && <NoticeDocument notice={notice} />}
    </section>
  );
}
