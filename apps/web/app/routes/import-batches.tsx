import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { ActionNotice } from '../components/action-notice.tsx';
import { Pager } from '../components/imports/pager.tsx';
import { labelOf } from '../components/registers/field-display.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { titleHandle } from '../lib/page-title.ts';
import { runAction } from '../.server/action-result.ts';
import { isImportKey } from '../.server/imports/import-registers.ts';
import { registerSummary } from '../.server/imports/register-param.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import type { Route } from './+types/import-batches';

/** Batches that may still be cancelled: not committed, not cancelled, not being committed now. */
const CANCELLABLE: ReadonlySet<string> = new Set(['previewing', 'previewed', 'failed']);

export const handle = titleHandle((t) => t('imports.batches.title'));

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const page = Math.min(100_000, Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1));
  const list = await caller.imports.list({ page });
  const me = await caller.session.me();
  // Register labels for the rows; a batch of a register no longer importable keeps its key.
  const rows = list.rows.map((row) => ({
    ...row,
    registerLabel: isImportKey(row.register) ? registerSummary(row.register) : null,
  }));
  return { ...list, rows, page, unitName: me.unitName };
});

export const action = pageHandler(async ({ request, context }: Route.ActionArgs) => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  if (String(form.get('intent')) !== 'cancel') throw new Response('unknown intent', { status: 400 });
  const id = String(form.get('id') ?? '');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Response('not found', { status: 404 });
  return runAction(() => caller.imports.cancel({ id }), { messageKey: 'imports.batches.cancelled' });
});

/** The unit's import batches: state, rows, who and when, with cancel for those not committed. */
export default function ImportBatches() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, language } = useI18n();
  const n = (value: number | null) => (value === null ? '—' : value.toLocaleString(language));
  return (
    <section>
      <h1>{t('imports.batches.title')}</h1>
      <p>{data.unitName}</p>
      {result && <ActionNotice result={result} />}
      <p>{t('imports.batches.retention', { days: data.retentionDays })}</p>
      {data.rows.length === 0 ? (
        <p>{t('imports.batches.none')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="import-batches">
            <thead>
              <tr>
                <th>{t('imports.register')}</th>
                <th>{t('imports.batches.file')}</th>
                <th>{t('imports.status')}</th>
                <th>{t('imports.batches.rows')}</th>
                <th>{t('imports.batches.added')}</th>
                <th>{t('imports.batches.by')}</th>
                <th>{t('imports.batches.at')}</th>
                <th>{t('imports.batches.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.registerLabel ? labelOf(row.registerLabel, language) : row.register}</td>
                  <td>{row.fileName}</td>
                  <td>{t(`imports.status.${row.status}`)}</td>
                  <td>{n(row.totalRows)}</td>
                  <td>{n(row.insertedCount)}</td>
                  <td>{row.createdBy ?? '—'}</td>
                  <td>{formatDateTime(row.createdAt, language)}</td>
                  <td>
                    {row.registerLabel && (
                      <Link to={`/registers/${row.register}/import/${row.id}`}>{t('imports.batches.open')}</Link>
                    )}
                    {row.holdsNumbers && row.status !== 'committed' && (
                      <span className="hint">{t('imports.batches.numbersReserved')}</span>
                    )}
                    {CANCELLABLE.has(row.status) && !row.holdsNumbers && (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="id" value={row.id} />
                        <button type="submit">{t('imports.batches.cancel')}</button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager param="page" page={data.page} total={data.total} pageSize={data.pageSize} />
    </section>
  );
}
