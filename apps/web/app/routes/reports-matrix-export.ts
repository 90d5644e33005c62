import { CELL_STATE_LABELS, REPORT_KIND_LABELS } from '@tally/reporting';
import { caseDataRoles } from '@tally/db/roles';
import type { ExportColumn, ExportRow } from '@tally/imports';
import { periodHeading } from '../lib/report-labels.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { matrixParams } from '../.server/reports/search-params.ts';
import { exportOrRefusal, formatFromUrl, spreadsheetResponse } from '../.server/spreadsheet-response.ts';
import type { Route } from './+types/reports-matrix-export';

/** The submission matrix as .xlsx (or CSV): a row per unit, a column per period with the state in words, then the rates. */
export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const { params } = matrixParams(url, new Date());
  const exported = await exportOrRefusal(request, () => caller.reports.matrix(params));
  if (!exported.ok) return exported.response;
  const matrix = exported.value;
  const columns: ExportColumn[] = [
    { key: 'unitCode', header: '单位代码' },
    { key: 'unitName', header: '单位' },
    ...matrix.periods.map((period) => ({ key: period.key, header: periodHeading(period.key, 'zh-CN') })),
    { key: 'expected', header: '应报' },
    { key: 'actual', header: '实报' },
    { key: 'onTime', header: '按时' },
    { key: 'reportingRate', header: '报送率' },
    { key: 'onTimeRate', header: '及时率' },
  ];
  const rows: ExportRow[] = matrix.rows.map((row) => ({
    unitCode: row.unit.code,
    unitName: row.unit.name,
    ...Object.fromEntries(
      matrix.periods.map((period) => {
        const cell = row.cells.find((c) => c.periodKey === period.key);
        return [period.key, cell ? CELL_STATE_LABELS[cell.state].zh : null];
      }),
    ),
    expected: row.rates?.expected ?? null,
    actual: row.rates?.actual ?? null,
    onTime: row.rates?.onTime ?? null,
    reportingRate: row.rates?.reportingRate.display ?? null,
    onTimeRate: row.rates?.onTimeRate.display ?? null,
  }));
  return spreadsheetResponse(rows, columns, formatFromUrl(url), {
    asciiName: `reports-${matrix.kind}-${matrix.year}`,
    title: `${matrix.year}年${REPORT_KIND_LABELS[matrix.kind].zh}报送情况`,
  });
});
