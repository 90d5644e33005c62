import { Link, useActionData, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import { caseDataRoles } from '@tally/db/roles';
import { ActionNotice } from '../components/action-notice.tsx';
import { BatchCountsView } from '../components/imports/batch-counts.tsx';
import { CommitForm } from '../components/imports/commit-form.tsx';
import { CommitProgress } from '../components/imports/commit-progress.tsx';
import { labelOf } from '../components/registers/field-display.ts';
import { MappingForm } from '../components/imports/mapping-form.tsx';
import { RowErrors } from '../components/imports/row-errors.tsx';
import { DuplicateRows, ExistingRows, NewRows } from '../components/imports/staged-rows-table.tsx';
import { ReadingForm } from '../components/imports/reading-form.tsx';
import { WarningRows } from '../components/imports/warning-rows.tsx';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { waitForCommitBriefly } from '../.server/imports/commit-wait.ts';
import { registerParam, registerSummary } from '../.server/imports/register-param.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/register-import-batch';

const pageOf = (query: URLSearchParams, name: string) => Math.min(100_000, Math.max(1, Number(query.get(name)) || 1));

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const register = registerParam(params.register);
  const query = new URL(request.url).searchParams;
  const pages = {
    errorsPage: pageOf(query, 'errors'),
    duplicatesPage: pageOf(query, 'duplicates'),
    existingPage: pageOf(query, 'existing'),
    newPage: pageOf(query, 'new'),
    warningsPage: pageOf(query, 'warnings'),
  };
  const view = await orNotFound(caller.imports.get({ id: String(params.batchId), ...pages }));
  if (view.batch.register !== register) throw new Response('not found', { status: 404 });
  return { ...view, pages, register: registerSummary(register) };
});

export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs) => {
  const { caller } = await requireCaller(request, context);
  const id = String(params.batchId);
  const form = await request.formData();
  switch (String(form.get('intent'))) {
    case 'commit': {
      // The commit runs off the request: a small one is done within the wait, a long one
      // leaves the page showing '正在导入' and following its progress.
      let status = 'committing';
      const result = await runAction(
        async () => {
          await caller.imports.commit({
            id,
            acceptErrors: form.get('acceptErrors') === '1',
            acceptWarnings: form.get('acceptWarnings') === '1',
          });
          status = await waitForCommitBriefly(caller, id);
        },
        { messageKey: 'imports.commitStarted' },
      );
      // Done already: the page's own result line says what was added; no banner needed.
      return result.ok && status !== 'committing' ? null : result;
    }
    case 'remap': {
      const mapping: Record<string, string | null> = {};
      for (const [name, value] of form.entries()) {
        const match = /^map\.(\d{1,4})$/.exec(name);
        if (match) mapping[match[1]!] = String(value) || null;
      }
      return runAction(() => caller.imports.remap({ id, mapping }), { messageKey: 'imports.mapping.rerun' });
    }
    case 'reread': {
      const sheet = form.get('sheet');
      const headerRow = Number(form.get('headerRow'));
      return runAction(
        () =>
          caller.imports.remap({
            id,
            ...(typeof sheet === 'string' && sheet ? { sheet } : {}),
            ...(Number.isInteger(headerRow) && headerRow > 0 ? { headerRow } : {}),
          }),
        { messageKey: 'imports.mapping.rerun' },
      );
    }
    case 'cancel':
      return runAction(() => caller.imports.cancel({ id }), { messageKey: 'imports.cancelled' });
    default:
      throw new Response('unknown intent', { status: 400 });
  }
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) => t('imports.previewTitle', { fileName: data.batch.fileName }));

export default function RegisterImportBatch() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, language } = useI18n();
  const { batch, register } = data;
  // A batch holding reserved case numbers is only committed again (petition-commit.ts): no remapping.
  const editable = data.mine && batch.status === 'previewed' && !batch.reservedNumbers;
  const mapped = new Set(Object.values(batch.mapping ?? {}));
  // Required columns the file lacks: the fix is the mapping, so the page leads with it.
  const missing =
    batch.status === 'previewed' && batch.mapping
      ? register.fields.filter((field) => field.required && !mapped.has(field.key))
      : [];
  const warningRows = data.reading?.warningRows ?? 0;
  const mappingForm = batch.headers && batch.mapping && batch.status === 'previewed' && (
    <MappingForm
      headers={batch.headers}
      hiddenColumns={data.hiddenColumns}
      mapping={batch.mapping}
      register={register}
      editable={editable}
    />
  );
  return (
    <section>
      <h1>{t('imports.previewTitle', { fileName: batch.fileName })}</h1>
      {/* A remap's success needs no banner: the page below is the new preview. */}
      {result && !(result.ok && result.messageKey === 'imports.mapping.rerun') && <ActionNotice result={result} />}
      <dl className="facts">
        <dt>{t('imports.register')}</dt>
        <dd>{labelOf(register, language)}</dd>
        <dt>{t('imports.status')}</dt>
        <dd data-testid="import-status">{t(`imports.status.${batch.status}`)}</dd>
        {batch.committedAt && (
          <>
            <dt>{t('imports.committedAt')}</dt>
            <dd>{formatDateTime(batch.committedAt, language)}</dd>
          </>
        )}
      </dl>
      {!data.mine && <Notice kind="info">{t('imports.readOnly', { unit: batch.unitCode })}</Notice>}
      {batch.status === 'failed' && batch.failure && (
        <Notice kind="error">
          {t('imports.failed', { reason: language === 'en' ? batch.failure.en : batch.failure.zh })}
        </Notice>
      )}
      {batch.status === 'committed' && (
        <p data-testid="import-result">
          {t('imports.committed', { inserted: batch.insertedCount ?? 0, skipped: batch.skippedCount ?? 0 })}
        </p>
      )}
      <CommitProgress batch={batch} />
      {batch.status !== 'failed' && (
        <BatchCountsView
          counts={{
            totalRows: batch.totalRows,
            validRows: batch.validRows,
            errorRows: batch.errorRows,
            duplicateRows: batch.duplicateRows,
            existing: data.existing,
            committed:
              batch.status === 'committed'
                ? { inserted: batch.insertedCount ?? 0, skipped: batch.skippedCount ?? 0 }
                : null,
          }}
        />
      )}
      {batch.status === 'previewed' && data.reading && <ReadingForm reading={data.reading} editable={editable} />}
      {missing.length > 0 && (
        <>
          <div data-testid="import-missing">
            <Notice kind="error">
              {t('imports.missing.lead', { columns: missing.map((field) => labelOf(field, language)).join('、') })}
            </Notice>
          </div>
          {mappingForm}
        </>
      )}
      {editable && (
        <CommitForm
          validRows={batch.validRows}
          errorRows={batch.errorRows}
          warningRows={warningRows}
          missingColumns={missing.length > 0}
        />
      )}
      <p>
        <Link to={`/registers/${register.key}/import`}>{t('imports.uploadAgain')}</Link>
        {' · '}
        <Link to={register.listPath}>{t('imports.viewRegister')}</Link>
      </p>
      {(batch.status === 'previewed' || batch.status === 'committed') && (
        <>
          <WarningRows
            rows={data.warnings}
            total={warningRows}
            page={data.pages.warningsPage}
            pageSize={data.pageSize}
          />
          {missing.length === 0 && (
            <RowErrors
              rows={data.errors}
              total={batch.errorRows}
              page={data.pages.errorsPage}
              pageSize={data.pageSize}
            />
          )}
          <NewRows
            rows={data.newRows}
            total={Math.max(0, batch.validRows - data.existing)}
            page={data.pages.newPage}
            pageSize={data.pageSize}
            register={register}
          />
          <DuplicateRows
            rows={data.duplicates}
            total={batch.duplicateRows}
            page={data.pages.duplicatesPage}
            pageSize={data.pageSize}
          />
          <ExistingRows
            rows={data.existingRows}
            total={data.existing}
            page={data.pages.existingPage}
            pageSize={data.pageSize}
            register={register}
          />
        </>
      )}
      {missing.length === 0 && mappingForm}
    </section>
  );
}
