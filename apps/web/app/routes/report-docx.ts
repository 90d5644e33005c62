import { caseDataRoles } from '@tally/db/roles';
import { notFound } from '../.server/errors.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { documentOf } from '../.server/reports/report-document.ts';
import { reportDocx } from '../.server/reports/report-docx.ts';
import type { Route } from './+types/report-docx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The report as a .docx in the official layout (the standing filed version; a draft as it stands). */
export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  // A file, not a page: refusals answer with their message as JSON (pageHandler), like the exports.
  if (!params.id || !UUID.test(params.id)) throw notFound();
  const loaded = await caller.reports.get({ id: params.id });
  const doc = documentOf(loaded, new Date());
  const bytes = await reportDocx(doc);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="report-${loaded.report.periodKey}.docx"; filename*=UTF-8''${encodeURIComponent(`${doc.title}.docx`)}`,
      'cache-control': 'no-store',
    },
  });
});
