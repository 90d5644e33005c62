import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { registerDefs } from '@tally/db/registers';
import { Notice } from '@tally/ui';
import { handlingLevelFor, type DisputeSeverity } from '@tally/casework';
import { ActionNotice } from '../components/action-notice.tsx';
import { displayValue, labelOf } from '../components/registers/field-display.ts';
import { RecordForm, formRecord } from '../components/registers/record-form.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { registerFromParams } from '../.server/registers/search-params.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/register-record';

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const key = registerFromParams(params);
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const row = await orNotFound(caller.registers.get({ register: key, id: params.id ?? '' }));
  return { key, def: registerDefs[key], row, created: new URL(request.url).searchParams.has('created') };
});

type RecordAction = { result: ActionResult; values?: Record<string, string>; revealed?: Record<string, unknown> };

export const action = pageHandler(
  async ({ request, context, params }: Route.ActionArgs): Promise<RecordAction | Response> => {
    const key = registerFromParams(params);
    const id = params.id ?? '';
    const { caller } = await requireCaller(request, context);
    const form = await request.formData();
    const updatedAt = String(form.get('updatedAt') ?? '');
    switch (String(form.get('intent'))) {
      case 'update': {
        const values = formRecord(registerDefs[key], form);
        const result = await runAction(() => caller.registers.update({ register: key, id, updatedAt, values }), {
          messageKey: 'registers.saved',
        });
        return { result, values: result.ok ? undefined : values };
      }
      case 'remove': {
        const reason = String(form.get('reason') ?? '').trim() || undefined;
        const result = await runAction(() => caller.registers.remove({ register: key, id, updatedAt, reason }), {
          messageKey: 'registers.deleted',
        });
        return result.ok ? redirect(`/registers/${key}`) : { result };
      }
      case 'reveal': {
        let revealed: Record<string, unknown> = {};
        const result = await runAction(
          async () => {
            revealed = await caller.registers.reveal({ register: key, id });
          },
          { messageKey: 'registers.reveal' },
        );
        return { result, revealed };
      }
      default:
        throw new Response('unknown intent', { status: 400 });
    }
  },
);

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>(
  (_t, data, language) => `${labelOf(data.def, language)} · ${String(data.row.values[data.def.fields[0]!.key] ?? '')}`,
);

export default function RegisterRecord() {
  const { key, def, row, created } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as RecordAction | undefined;
  const { language, t } = useI18n();
  const shown = { ...row.values, ...(data?.revealed ?? {}) } as typeof row.values;
  // Free text withheld above the keeping unit says so, until the audited reveal fills it in.
  const hidden = new Set(data?.revealed ? [] : row.hidden);
  return (
    <section>
      <p>
        <Link to="..">{labelOf(def, language)}</Link> ›
      </p>
      <h1>
        {labelOf(def, language)} · {displayValue(def.fields[0]!, row.values[def.fields[0]!.key], language)}
      </h1>
      {created && !data ? <Notice kind="success">{t('registers.created')}</Notice> : null}
      {key === 'disputes' && typeof row.values.severity === 'string' ? (
        // Severity routing (docs/domain.md §4): minor stays in the village, ordinary goes to the township, major to the county.
        <Notice kind="info">
          {t('registers.disputeRouting', {
            level: t(`level.${handlingLevelFor(row.values.severity as DisputeSeverity)}`),
          })}
        </Notice>
      ) : null}
      {data?.revealed ? null : <ActionNotice result={data?.result} />}
      {row.own ? (
        <>
          <RecordForm
            key={row.updatedAt + JSON.stringify(data?.values ?? {})}
            def={def}
            values={data?.values ?? row.values}
            intent="update"
            submitLabel={t('common.save')}
            updatedAt={row.updatedAt}
            problems={data?.result.ok === false ? data.result.problems : undefined}
          />
          <Form method="post" className="inline-form danger" aria-label={t('registers.delete')}>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="updatedAt" value={row.updatedAt} />
            <p>{t('registers.deleteConfirm')}</p>
            <label>
              {t('registers.deleteReason')}
              <input name="reason" maxLength={200} />
            </label>
            <button type="submit">{t('registers.delete')}</button>
          </Form>
        </>
      ) : (
        <>
          <Notice kind="info">{t('registers.readOnly', { unit: row.unitName })}</Notice>
          <dl className="facts">
            {def.fields.map((field) => (
              <div key={field.key}>
                <dt>{labelOf(field, language)}</dt>
                <dd>
                  {hidden.has(field.key) ? t('registers.hiddenText') : displayValue(field, shown[field.key], language)}
                </dd>
              </div>
            ))}
          </dl>
          {row.masked && !data?.revealed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reveal" />
              <p>{t('registers.masked')}</p>
              <button type="submit">{t('registers.reveal')}</button>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}
