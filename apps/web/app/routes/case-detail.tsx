import { Link, useActionData, useLoaderData } from 'react-router';
import { isWithin } from '@tally/casework';
import { caseDataRoles } from '@tally/db/roles';
import { Notice } from '@tally/ui';
import { ActionForms, type UnitOption } from '../components/cases/action-forms.tsx';
import { CaseFacts } from '../components/cases/case-facts.tsx';
import { HistoryTable } from '../components/cases/history-table.tsx';
import { PersonalData, type PersonalDataView } from '../components/cases/personal-data.tsx';
import { ResponsibilityForm } from '../components/cases/responsibility-form.tsx';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { vocabularyLabel } from '../lib/case-format.ts';
import { caseErrorMessage } from '../.server/case-form-errors.ts';
import { workflowActionFromForm } from '../.server/case-form-actions.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import '../components/cases/cases.css';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/case-detail';

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const [record, units] = await Promise.all([
    orNotFound(caller.cases.get({ id: params.id ?? '' })),
    caller.units.tree(),
  ]);
  // Names of the units in scope, and of those above that the case mentions (the server reads them).
  const unitNames = { ...record.unitNames, ...Object.fromEntries(units.map((unit) => [unit.code, unit.name])) };
  // Assign: the handling unit or a unit below it. Escalate: every level above the handling unit, named by the server.
  const assignUnits: UnitOption[] = units
    .filter((unit) => unit.active && isWithin(unit.code, record.unitCode))
    .map(({ code, name }) => ({ code, name }));
  const escalateTargets: UnitOption[] = record.escalateTargets;
  return {
    record,
    unitNames,
    assignUnits,
    escalateTargets,
    registered: new URL(request.url).searchParams.get('registered'),
  };
});

type DetailResult = { ok: boolean; message: string; revealed?: PersonalDataView & { summary: string | null } };

export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs): Promise<DetailResult> => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const t = translator(languageFromCookie(request.headers.get('cookie')));
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const id = params.id ?? '';
  const version = Number(field('version'));
  try {
    switch (field('intent')) {
      case 'reveal':
        return { ok: true, message: t('cases.detail.revealed'), revealed: await caller.cases.reveal({ id }) };
      case 'responsibility':
        await caller.cases.setResponsibility({
          id,
          version,
          leadLeader: field('leadLeader'),
          responsibleUnit: field('responsibleUnit'),
          responsiblePerson: field('responsiblePerson'),
          supervisingUnit: field('supervisingUnit'),
          supervisor: field('supervisor'),
          deadline: field('deadline') || null,
          flagged: form.get('flagged') !== null,
        });
        return { ok: true, message: t('cases.six.saved') };
      case 'transition': {
        const workflowAction = workflowActionFromForm(field);
        if (!workflowAction) throw new Response('unknown action', { status: 400 });
        await caller.cases.transition({ id, version, action: workflowAction });
        return {
          ok: true,
          message: t('cases.action.done', { action: vocabularyLabel(t, 'cases.action', workflowAction.type) }),
        };
      }
      default:
        throw new Response('unknown intent', { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return { ok: false, message: caseErrorMessage(error, t).message };
  }
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) => `${t('cases.title')} ${data.record.caseNumber}`);

export default function CaseDetail() {
  const { record, unitNames, assignUnits, escalateTargets, registered } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const unitName = (code: string) => unitNames[code] ?? code;
  return (
    <section>
      <div className="page-head">
        <h1>
          {t('cases.title')} {record.caseNumber}
        </h1>
        <Link to="/cases">{t('cases.detail.back')}</Link>
        {record.clock.status === 'overdue' && (
          <Link to={`/cases/${record.id}/notice`} className="button-link">
            {t('cases.detail.notice')}
          </Link>
        )}
      </div>
      {registered && !result && <Notice kind="success">{t('cases.registered', { number: registered })}</Notice>}
      {result && <Notice kind={result.ok ? 'success' : 'error'}>{result.message}</Notice>}
      <div className="two-columns">
        <section className="panel">
          <h2>{t('cases.detail.facts')}</h2>
          <CaseFacts
            record={result?.revealed ? { ...record, summary: result.revealed.summary } : record}
            unitName={unitName}
          />
        </section>
        <div>
          <PersonalData shown={record} masked={record.masked} revealed={result?.revealed} />
          <section className="panel">
            <h2>{t('cases.six.title')}</h2>
            <ResponsibilityForm value={record} version={record.version} editable={record.canSetResponsibility} />
          </section>
        </div>
      </div>
      <section className="panel">
        <h2>{t('cases.detail.workflow')}</h2>
        {record.revisitRequired && record.status === 'replied' && (
          <p className="count">{t('cases.detail.revisitRequired')}</p>
        )}
        <ActionForms
          actions={record.allowedActions}
          version={record.version}
          assignUnits={assignUnits}
          escalateTargets={escalateTargets}
        />
      </section>
      <section className="panel">
        <h2>{t('cases.detail.history')}</h2>
        <HistoryTable transitions={record.transitions} unitNames={unitNames} />
      </section>
    </section>
  );
}
