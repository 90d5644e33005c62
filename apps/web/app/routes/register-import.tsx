import { Link, data, redirect, useActionData, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import { DEFAULT_LIMITS, formatBytes } from '@tally/imports';
import { caseDataRoles } from '@tally/db/roles';
import { UploadForm } from '../components/imports/upload-form.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { handleUpload } from '../.server/imports/handle-upload.ts';
import { registerParam, registerSummary } from '../.server/imports/register-param.ts';
import { labelOf } from '../components/registers/field-display.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/register-import';

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const register = registerSummary(registerParam(params.register));
  const me = await caller.session.me();
  return {
    register,
    unitName: me.unitName,
    limit: formatBytes(DEFAULT_LIMITS.maxBytes),
    maxRows: DEFAULT_LIMITS.maxRows,
  };
});

/** The plain form post (no JavaScript): upload, preview, then the batch page. */
export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const register = registerParam(params.register);
  const outcome = await handleUpload(request, caller, register);
  if (outcome.ok) throw redirect(`/registers/${register}/import/${outcome.id}`);
  return data(outcome, { status: 400 });
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data, language) =>
  t('imports.title', { register: labelOf(data.register, language) }),
);

export default function RegisterImport() {
  const { register, unitName, limit, maxRows } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, language } = useI18n();
  return (
    <section>
      <h1>{t('imports.title', { register: labelOf(register, language) })}</h1>
      <p>{t('imports.intro')}</p>
      <p>{t('imports.limits', { limit, rows: maxRows.toLocaleString(language), unit: unitName })}</p>
      {refused && !refused.ok && <Notice kind="error">{t(refused.messageKey, refused.params)}</Notice>}
      <UploadForm register={register.key} />
      <p>
        <Link to="/imports">{t('imports.batches.link')}</Link>
      </p>
      <h2>{t('imports.fields')}</h2>
      <ul className="field-list">
        {register.fields.map((field) => (
          <li key={field.key}>
            {labelOf(field, language)}
            {field.required ? ' *' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
