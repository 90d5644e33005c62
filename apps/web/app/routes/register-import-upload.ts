import { caseDataRoles } from '@tally/db/roles';
import { handleUpload } from '../.server/imports/handle-upload.ts';
import { registerParam } from '../.server/imports/register-param.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import type { Route } from './+types/register-import-upload';

/**
 * The same upload for the page's script (XHR, so the browser can show upload progress):
 * answers JSON instead of redirecting.
 */
export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const register = registerParam(params.register);
  const outcome = await handleUpload(request, caller, register);
  return Response.json(outcome.ok ? { ok: true, url: `/registers/${register}/import/${outcome.id}` } : outcome, {
    status: outcome.ok ? 200 : 400,
  });
});
