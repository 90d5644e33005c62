import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import { caseDataRoles } from '@tally/db';
import { ActionNotice } from '../components/action-notice.tsx';
import { AgreementDocument } from '../components/disputes/agreement-document.tsx';
import { PrintButton } from '../components/print-button.tsx';
import agreementStyles from '../components/disputes/agreement.css?url';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/mediation-agreement';

export const links = () => [{ rel: 'stylesheet', href: agreementStyles }];

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const id = params.id ?? '';
  // Not a UUID: the same answer as an agreement out of reach.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new Response('not found', { status: 404 });
  return caller.mediation.get({ id });
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) => `${t('mediation.doc.title')} ${data.agreementNumber}`);

/** Reveal (audited) for a unit above the handling one; the page shows the parties and the free text in full, still without print. */
export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs) => {
  const { caller } = await requireCaller(request, context);
  const shown: { revealed?: Awaited<ReturnType<typeof caller.mediation.reveal>> } = {};
  const result = await runAction(
    async () => {
      shown.revealed = await caller.mediation.reveal({ id: params.id ?? '' });
    },
    { messageKey: 'mediation.revealed' },
  );
  return { ...result, revealed: shown.revealed ?? null };
});

/** The A4 agreement; print only for the handling unit (§8: a printout is an export). */
export default function MediationAgreement() {
  const loaded = useLoaderData<typeof loader>();
  const revealed = useActionData<typeof action>();
  const { t } = useI18n();
  const doc = revealed?.revealed ? { ...loaded, ...revealed.revealed } : loaded;
  return (
    <section>
      <div className="agreement-toolbar no-print">
        <Link to="/mediation">{t('mediation.back')}</Link>
        {doc.printable && <PrintButton />}
      </div>
      {doc.masked && (
        <div className="no-print">
          <Notice kind="info">{t('mediation.maskedNotice', { unit: doc.unitName })}</Notice>
          <ActionNotice result={revealed} />
          {!revealed?.revealed && (
            <Form method="post" className="inline-form">
              <button type="submit">{t('mediation.reveal')}</button>
            </Form>
          )}
        </div>
      )}
      <div className={doc.printable ? undefined : 'no-print'}>
        <AgreementDocument doc={doc} />
      </div>
    </section>
  );
}
