import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { DEFAULT_LIMITS, formatBytes } from '@tally/imports';
import { ActionNotice } from '../components/action-notice.tsx';
import { ChecksTabs } from '../components/checks/checks-tabs.tsx';
import { RowErrors, type ErrorRow } from '../components/imports/row-errors.tsx';
import checksStyles from '../components/checks/checks.css?url';
import { useI18n } from '../lib/i18n-context.ts';
import type { ActionResult } from '../.server/action-result.ts';
import { checkingRoles } from '../.server/assessment-inputs/checking-unit.ts';
import { ImportRefusal } from '../.server/assessment-inputs/import-refusal.ts';
import { SCORE_SHEET_LIMITS } from '../.server/assessment-inputs/import-scores.ts';
import { yearParam } from '../.server/assessment-inputs/search-params.ts';
import { UserFacingError } from '../.server/errors.ts';
import { readUpload } from '../.server/imports/read-upload.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/checks-import';

export const links = () => [{ rel: 'stylesheet', href: checksStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { actor } = await requireCaller(request, context);
  await requireRole(actor, checkingRoles, request, context);
  return {
    year: yearParam(new URL(request.url).searchParams.get('year')),
    limit: formatBytes(DEFAULT_LIMITS.maxBytes),
    maxRows: SCORE_SHEET_LIMITS.maxRows,
  };
});

type ImportAction = { result: ActionResult; errorRows?: ErrorRow[] };

/** The upload, read within the byte limit, then the import procedure: all of the sheet or none of it. */
export const action = pageHandler(async ({ request, context }: Route.ActionArgs): Promise<ImportAction> => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, checkingRoles, request, context);
  const upload = await readUpload(request, DEFAULT_LIMITS.maxBytes);
  if (!upload.ok)
    return {
      result: { ok: false, messageKey: upload.reason, params: { limit: formatBytes(DEFAULT_LIMITS.maxBytes) } },
    };
  try {
    const done = await caller.checks.importInspections({
      fileName: upload.fileName.slice(0, 255),
      bytes: upload.bytes,
      reason: upload.fields.reason?.trim() || null,
    });
    return {
      result: {
        ok: true,
        messageKey: 'checks.import.done',
        params: {
          fileName: done.fileName,
          entered: done.entered,
          corrected: done.corrected,
          unchanged: done.unchanged,
        },
      },
    };
  } catch (error) {
    if (error instanceof ImportRefusal) {
      const byRow = new Map<number, ErrorRow>();
      for (const rowError of error.rowErrors) {
        const row = byRow.get(rowError.row) ?? { rowNumber: rowError.row, errors: [] };
        row.errors?.push(rowError);
        byRow.set(rowError.row, row);
      }
      return {
        result: { ok: false, messageKey: error.messageKey, params: error.params },
        errorRows: [...byRow.values()],
      };
    }
    if (error instanceof UserFacingError)
      return { result: { ok: false, messageKey: error.messageKey, params: error.params } };
    throw error;
  }
});

export const handle = titleHandle((t) => t('checks.import.title'));

export default function ChecksImport() {
  const { year, limit, maxRows } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const errorRows = data?.errorRows ?? [];
  return (
    <section>
      <h1>{t('checks.import.title')}</h1>
      <ChecksTabs year={year} />
      <p>
        <Link to={`/checks/inspections?year=${year}`}>{t('checks.cell.back')}</Link>
      </p>
      <p>{t('checks.import.intro')}</p>
      <p className="hint">
        {t('checks.import.allOrNothing')} {t('checks.import.limit', { limit, rows: maxRows })}
      </p>
      <ActionNotice result={data?.result} />
      <Form method="post" encType="multipart/form-data" className="record-form" aria-label={t('checks.import.title')}>
        <label>
          {t('checks.import.file')} <em className="required">*</em>
          <input
            type="file"
            name="file"
            required
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          />
        </label>
        <label className="wide">
          {t('checks.import.reason')}
          <input name="reason" maxLength={500} />
        </label>
        <div className="form-actions">
          <button type="submit">{t('checks.import.submit')}</button>
        </div>
      </Form>
      {errorRows.length > 0 && (
        <RowErrors rows={errorRows} total={errorRows.length} page={1} pageSize={errorRows.length} />
      )}
    </section>
  );
}
