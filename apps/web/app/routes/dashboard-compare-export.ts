import { isUnitCodeShape } from '@tally/casework';
import { caseDataRoles } from '@tally/db/roles';
import type { ExportColumn, ExportRow } from '@tally/imports';
import { translator } from '../i18n/index.ts';
import { compareColumns, compareWindow } from '../lib/compare-columns.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { exportOrRefusal, formatFromUrl, spreadsheetResponse } from '../.server/spreadsheet-response.ts';
import type { Route } from './+types/dashboard-compare-export';

/** The side-by-side table as .xlsx (or CSV), headers in Chinese; a rate below target carries "（低于目标）". */
/** The period the page showed (its default when the typed one was refused there, with the reason). */
const periodOf = ({ from, to }: { from: string; to: string }) => ({ from, to });

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const scope = url.searchParams.get('scope') ?? '';
  const scopeCode = isUnitCodeShape(scope) ? scope : actor.unitCode;
  const exported = await exportOrRefusal(request, () =>
    caller.dashboard.sideBySide({ scopeCode, ...periodOf(compareWindow(url.searchParams, new Date())) }),
  );
  if (!exported.ok) return exported.response;
  const zh = translator('zh-CN');
  const columns: ExportColumn[] = [
    { key: 'unitName', header: zh('assessment.unit') },
    ...compareColumns.map((column) => ({ key: column.key, header: zh(column.label) })),
  ];
  const rate = (r: { display: string; meets: boolean | null }) =>
    r.meets === false ? `${r.display}（${zh('dashboard.compare.belowTarget')}）` : r.display;
  const rows: ExportRow[] = exported.value.rows.map((row) => ({
    ...row,
    closureRate: rate(row.closureRate),
    onTimeRate: rate(row.onTimeRate),
    success: rate(row.success),
    satisfaction: rate(row.satisfaction),
  }));
  return spreadsheetResponse(rows, columns, formatFromUrl(url), {
    asciiName: 'side-by-side',
    title: zh('dashboard.compare.sheet'),
  });
});
