import { Form, useActionData, useLoaderData } from 'react-router';
import { shanghaiDate } from '@tally/casework';
import { caseDataRoles, type UserRole } from '@tally/db/roles';
import { checkingEventKinds, checkingEventLevels, vetoEventKinds } from '@tally/db/assessment';
import { Notice } from '@tally/ui';
import { ActionNotice } from '../components/action-notice.tsx';
import { ChecksTabs } from '../components/checks/checks-tabs.tsx';
import { EventForm, type EventDraftValues } from '../components/checks/event-form.tsx';
import { EventTable } from '../components/checks/event-table.tsx';
import checksStyles from '../components/checks/checks.css?url';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { checkingRoles } from '../.server/assessment-inputs/checking-unit.ts';
import { ATTACHMENT_REF_MAX, DESCRIPTION_MAX } from '../.server/assessment-inputs/event-input.ts';
import { unitCodeParam, yearParam } from '../.server/assessment-inputs/search-params.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/checks-events';

export const links = () => [{ rel: 'stylesheet', href: checksStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const params = new URL(request.url).searchParams;
  const year = yearParam(params.get('year'));
  const unitCode = unitCodeParam(params.get('unit'));
  const [list, units] = await Promise.all([
    orNotFound(caller.checks.listEvents({ year, unitCode })),
    caller.units.tree(),
  ]);
  const canRecord = (checkingRoles as readonly UserRole[]).includes(actor.role);
  return {
    list,
    filterUnits: units.map((unit) => ({ code: unit.code, name: unit.name, level: unit.level })),
    // The units this one checks: directly below it.
    targets: canRecord
      ? units
          .filter((unit) => unit.parentCode === actor.unitCode && unit.active)
          .map((unit) => ({ code: unit.code, name: unit.name }))
      : [],
    canRecord,
    kinds: checkingEventKinds.map((kind) => ({
      kind,
      levels: checkingEventLevels[kind] ?? [],
      veto: vetoEventKinds.includes(kind),
    })),
    today: shanghaiDate(new Date()),
    descriptionMax: DESCRIPTION_MAX,
    attachmentRefMax: ATTACHMENT_REF_MAX,
  };
});

type EventsAction = { result: ActionResult; draft?: EventDraftValues };

export const action = pageHandler(async ({ request, context }: Route.ActionArgs): Promise<EventsAction> => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '').trim();
  switch (field('intent')) {
    case 'record': {
      const draft: EventDraftValues = {
        unitCode: field('unitCode'),
        kind: field('kind'),
        level: field('level'),
        occurredOn: field('occurredOn'),
        description: String(form.get('description') ?? ''),
        attachmentRef: field('attachmentRef'),
      };
      const kind = checkingEventKinds.find((known) => known === draft.kind);
      if (!kind) return { result: { ok: false, messageKey: 'error.validation', params: { field: 'kind' } }, draft };
      const result = await runAction(
        () =>
          caller.checks.recordEvent({
            ...draft,
            kind,
            level: draft.level || null,
            attachmentRef: draft.attachmentRef || null,
          }),
        { messageKey: 'checks.events.recorded' },
      );
      return result.ok ? { result } : { result, draft };
    }
    case 'withdraw':
      return {
        result: await runAction(
          () =>
            caller.checks.withdrawEvent({
              id: field('id'),
              reason: field('reason'),
              expectedVersion: Number(field('expectedVersion')) || 0,
            }),
          { messageKey: 'checks.events.withdrawn' },
        ),
      };
    default:
      throw new Response('unknown intent', { status: 400 });
  }
});

export const handle = titleHandle((t) => t('checks.events.title'));

export default function ChecksEvents() {
  const { list, filterUnits, targets, canRecord, kinds, today, descriptionMax, attachmentRefMax } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('checks.events.title')}</h1>
      <ChecksTabs year={list.year} />
      <ActionNotice result={data?.result} />
      {canRecord && targets.length > 0 ? (
        <details open={Boolean(data?.draft)}>
          <summary>{t('checks.events.record')}</summary>
          <p className="hint">{t('checks.events.recordHelp')}</p>
          <EventForm
            units={targets}
            kinds={kinds}
            today={today}
            descriptionMax={descriptionMax}
            attachmentRefMax={attachmentRefMax}
            draft={data?.draft}
          />
        </details>
      ) : (
        <Notice kind="info">{t('checks.events.aboutSelf')}</Notice>
      )}
      <Form method="get" className="inline-form">
        <label>
          {t('checks.year')}
          <input type="number" name="year" defaultValue={list.year} min={2000} max={2100} required />
        </label>
        <label>
          {t('checks.events.filterUnit')}
          <select name="unit" defaultValue={list.unit?.code ?? ''}>
            <option value="">{t('checks.events.allUnits')}</option>
            {filterUnits.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}（{t(`level.${unit.level}`)}）
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('checks.show')}</button>
      </Form>
      <p className="count">{t('checks.events.count', { year: list.year, count: list.rows.length })}</p>
      <EventTable rows={list.rows} />
    </section>
  );
}
