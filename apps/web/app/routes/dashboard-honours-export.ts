import { caseDataRoles } from '@tally/db/roles';
import type { ExportColumn, ExportRow } from '@tally/imports';
import { translator } from '../i18n/index.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { exportOrRefusal, spreadsheetResponse } from '../.server/spreadsheet-response.ts';
import type { Route } from './+types/dashboard-honours-export';

/** The published ranking with every breakdown line the reader may open, one row per line, as .xlsx. */
export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const id = params.id ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new Response('not found', { status: 404 });
  const exported = await exportOrRefusal(request, async () => {
    const result = await caller.assessment.result({ id });
    // One breakdown per openable unit: bounded by the units of one ranking.
    const breakdowns = new Map(
      await Promise.all(
        result.openable.map(
          async (unitCode) => [unitCode, await caller.assessment.breakdown({ resultId: id, unitCode })] as const,
        ),
      ),
    );
    return { result, breakdowns };
  });
  if (!exported.ok) return exported.response;
  const zh = translator('zh-CN');
  const columns: ExportColumn[] = [
    { key: 'rank', header: zh('assessment.rank') },
    { key: 'unitName', header: zh('assessment.unit') },
    { key: 'final', header: zh('assessment.final') },
    { key: 'vetoed', header: zh('assessment.vetoed') },
    { key: 'rule', header: zh('dashboard.honours.rule') },
    { key: 'points', header: zh('dashboard.honours.points') },
  ];
  const rows: ExportRow[] = exported.value.result.ranking.flatMap((line) => {
    const unit = { rank: line.rank, unitName: line.unitName, final: line.final, vetoed: line.vetoed ? '是' : '' };
    const breakdown = exported.value.breakdowns.get(line.unitCode);
    if (!breakdown || breakdown.lines.length === 0) return [unit];
    return breakdown.lines.map((l) => ({ ...unit, rule: l.label, points: l.display }));
  });
  const { header } = exported.value.result;
  return spreadsheetResponse(rows, columns, 'xlsx', {
    asciiName: `ranking-${header.year}-${header.period}`,
    title: `${header.year}${zh(`assessment.period.${header.period}`)}${zh('dashboard.honours.rankingSheet')}`,
  });
});
