import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { registerDefs } from '@tally/db/registers';
import { ActionNotice } from '../components/action-notice.tsx';
import { labelOf } from '../components/registers/field-display.ts';
import { RecordForm, formRecord } from '../components/registers/record-form.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { registerFromParams } from '../.server/registers/search-params.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/register-new';

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const key = registerFromParams(params);
  const { actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  return { key, def: registerDefs[key] };
});

export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs) => {
  const key = registerFromParams(params);
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const values = formRecord(registerDefs[key], form);
  let createdId = '';
  const result = await runAction(
    async () => {
      createdId = (await caller.registers.create({ register: key, values })).id;
    },
    { messageKey: 'registers.created' },
  );
  if (result.ok) return redirect(`/registers/${key}/${createdId}?created=1`);
  return { result, values };
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>(
  (t, data, language) => `${t('registers.new')} · ${labelOf(data.def, language)}`,
);

export default function RegisterNew() {
  const { def } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { language, t } = useI18n();
  return (
    <section>
      <p>
        <Link to="..">{labelOf(def, language)}</Link> ›
      </p>
      <h1>{t('registers.new')}</h1>
      <ActionNotice result={data?.result} />
      {/* After a refusal the form keeps what was typed, so a clerk fixes one field, not all. */}
      <RecordForm
        key={JSON.stringify(data?.values ?? {})}
        def={def}
        values={data?.values}
        intent="create"
        submitLabel={t('common.save')}
        problems={data?.result.ok === false ? data.result.problems : undefined}
      />
    </section>
  );
}
