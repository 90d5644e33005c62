import { useEffect, useState } from 'react';
import { Form, Link, useActionData, useLoaderData, useRevalidator } from 'react-router';
import { shanghaiDate } from '@tally/casework';
import { IMMEDIATE_EVENT_KINDS, IMMEDIATE_EVENT_LABELS } from '@tally/reporting';
import { caseDataRoles } from '@tally/db/roles';
import { Notice } from '@tally/ui';
import { ActionNotice } from '../components/action-notice.tsx';
import reportsStyles from '../components/reports/reports.css?url';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/reports-immediate';

export const links = () => [{ rel: 'stylesheet', href: reportsStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const year = Number(shanghaiDate(new Date()).slice(0, 4));
  // The county files to nobody: it only reads.
  return { rows: await caller.reports.immediateList({ year }), mayFile: actor.scope.length > 6 };
});

/** A datetime-local value is a Shanghai wall-clock time: give it the +08:00 it means. */
const shanghai = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}+08:00` : value);

type ImmediateAction = { result: ActionResult; draft?: Record<string, string> };

export const action = pageHandler(async ({ request, context }: Route.ActionArgs): Promise<ImmediateAction> => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '');
  const draft = {
    eventKind: field('eventKind'),
    title: field('title'),
    summary: field('summary'),
    occurredAt: field('occurredAt'),
    knownAt: field('knownAt'),
  };
  const result = await runAction(
    () =>
      caller.reports.fileImmediate({
        ...draft,
        occurredAt: shanghai(draft.occurredAt),
        knownAt: shanghai(draft.knownAt),
      }),
    { messageKey: 'reports.immediate.filed' },
  );
  return result.ok ? { result } : { result, draft };
});

/** Listens for new reports from below and reloads the list when one arrives (without JavaScript: reload by hand). */
function useImmediatePush(): { arrived: boolean; open: boolean } {
  const revalidator = useRevalidator();
  const [arrived, setArrived] = useState(false);
  const [open, setOpen] = useState(false);
  // One stream for the page's life: opened once on mount, closed on leaving.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reopening the stream on every revalidator change would drop events.
  useEffect(() => {
    const source = new EventSource('/reports/stream');
    source.addEventListener('open', () => setOpen(true));
    source.addEventListener('error', () => setOpen(false));
    source.addEventListener('immediate', () => {
      setArrived(true);
      revalidator.revalidate();
    });
    return () => source.close();
  }, []);
  return { arrived, open };
}

export const handle = titleHandle((t) => t('reports.immediate.title'));

export default function ReportsImmediate() {
  const { rows, mayFile } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, language } = useI18n();
  const { arrived, open } = useImmediatePush();
  const draft = data?.draft;
  return (
    <section data-stream={open ? 'open' : 'closed'}>
      <h1>{t('reports.immediate.title')}</h1>
      <p>
        <Link to="/reports">{t('reports.title')}</Link>
      </p>
      <p className="hint">{t('reports.immediate.rule')}</p>
      {arrived && <Notice kind="info">{t('reports.immediate.arrived')}</Notice>}
      <ActionNotice result={data?.result} />
      {mayFile && (
        <Form method="post" className="report-form" key={data?.result.ok ? rows.length : 'form'}>
          <label>
            {t('reports.immediate.kind')}
            <select name="eventKind" defaultValue={draft?.eventKind ?? 'mass_incident'}>
              {IMMEDIATE_EVENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {language === 'zh-CN' ? IMMEDIATE_EVENT_LABELS[kind].zh : IMMEDIATE_EVENT_LABELS[kind].en}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reports.immediate.heading')}
            <input name="title" maxLength={100} defaultValue={draft?.title ?? ''} required />
          </label>
          <label>
            {t('reports.immediate.occurredAt')}
            <input name="occurredAt" type="datetime-local" defaultValue={draft?.occurredAt ?? ''} required />
          </label>
          <label>
            {t('reports.immediate.knownAt')}
            <input name="knownAt" type="datetime-local" defaultValue={draft?.knownAt ?? ''} required />
          </label>
          <label>
            {t('reports.immediate.summary')}
            <textarea name="summary" maxLength={5000} defaultValue={draft?.summary ?? ''} required />
          </label>
          <p className="hint">{t('reports.immediate.noPersonalData')}</p>
          <div className="buttons">
            <button type="submit">{t('reports.immediate.file')}</button>
          </div>
        </Form>
      )}
      <div className="table-scroll">
        <table data-testid="immediate-list">
          <thead>
            <tr>
              <th scope="col">{t('reports.immediate.reportedAt')}</th>
              <th scope="col">{t('reports.unit')}</th>
              <th scope="col">{t('reports.immediate.kind')}</th>
              <th scope="col">{t('reports.immediate.heading')}</th>
              <th scope="col">{t('reports.immediate.elapsed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDateTime(row.reportedAt, language)}</td>
                <td>{row.unitCode}</td>
                <td>
                  {language === 'zh-CN'
                    ? IMMEDIATE_EVENT_LABELS[row.eventKind].zh
                    : IMMEDIATE_EVENT_LABELS[row.eventKind].en}
                </td>
                <td>{row.title}</td>
                <td className={row.withinLimit ? 'cell-on_time' : 'cell-late'}>
                  {t(row.withinLimit ? 'reports.immediate.inTime' : 'reports.immediate.late', { minutes: row.minutes })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
