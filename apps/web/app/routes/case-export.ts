import { caseDataRoles } from '@tally/db/roles';
import { parseCaseListQuery } from '../lib/case-list-query.ts';
import { CASE_SHEET_COLUMNS, caseSheetRows } from '../.server/case-export-sheet.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { exportOrRefusal, formatFromUrl, spreadsheetResponse } from '../.server/spreadsheet-response.ts';
import type { Route } from './+types/case-export';

/** The filtered case list as .xlsx or CSV; the same URL query as the list page. */
export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const format = formatFromUrl(url);
  const { page: _page, ...filters } = parseCaseListQuery(url.searchParams);
  const exported = await exportOrRefusal(request, () => caller.cases.exportRows(filters));
  if (!exported.ok) return exported.response;
  const units = new Map((await caller.units.tree()).map((unit) => [unit.code, unit.name]));
  return spreadsheetResponse(caseSheetRows(exported.value, units), CASE_SHEET_COLUMNS, format, {
    asciiName: 'cases',
    title: '信访件',
  });
});
