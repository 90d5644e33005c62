import type { ExportColumn, ExportRow } from '@tally/imports';
import { formatDateTime, languageFromCookie, translator } from '../i18n/index.ts';
import { actionLabel, objectTypeLabel, roleLabel } from '../lib/audit-labels.ts';
import { auditFiltersFromSearch } from '../lib/audit-params.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { exportOrRefusal, formatFromUrl, keysetPages, spreadsheetResponse } from '../.server/spreadsheet-response.ts';
import type { Route } from './+types/audit-export';

/**
 * The filtered audit log as .xlsx or CSV, streamed page by page, in the auditor's language.
 * The columns are the screen's: who (login, name, unit, role), what, on which object, the
 * result and the address. The detail column of the log stays out (docs/security.md).
 */
export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, ['auditor'], request, context);
  const url = new URL(request.url);
  const language = languageFromCookie(request.headers.get('cookie'));
  const t = translator(language);
  const filters = auditFiltersFromSearch(url.searchParams);
  const first = await exportOrRefusal(request, () => caller.audit.exportRows(filters));
  if (!first.ok) return first.response;
  const columns: ExportColumn[] = [
    { key: 'at', header: t('audit.at') },
    { key: 'actorLogin', header: t('audit.filter.actor') },
    { key: 'actorName', header: t('audit.actor') },
    { key: 'actorUnit', header: t('audit.unit') },
    { key: 'actorRole', header: t('audit.role') },
    { key: 'action', header: t('audit.action') },
    { key: 'actionCode', header: t('audit.code') },
    { key: 'objectType', header: t('audit.filter.objectType') },
    { key: 'objectName', header: t('audit.object') },
    { key: 'objectId', header: t('audit.objectId') },
    { key: 'result', header: t('audit.result') },
    { key: 'ip', header: t('audit.ip') },
  ];
  type Page = typeof first.value;
  const shape = (page: Page): ExportRow[] =>
    page.rows.map((row) => ({
      at: formatDateTime(row.at, language),
      actorLogin: row.actorLogin,
      actorName: row.actorName,
      actorUnit: row.actorUnitName,
      actorRole: row.actorRole ? roleLabel(t, row.actorRole) : null,
      action: actionLabel(t, row.action),
      actionCode: row.action,
      objectType: row.objectType ? objectTypeLabel(t, row.objectType, language === 'en') : null,
      objectName: row.objectName,
      objectId: row.objectId,
      result: t(`audit.result.${row.result}`),
      ip: row.ip,
    }));
  const pages = keysetPages(first.value, (cursor) => caller.audit.exportRows({ ...filters, cursor }), shape);
  return spreadsheetResponse(pages, columns, formatFromUrl(url), { asciiName: 'audit-log', title: t('audit.sheet') });
});
