import type { LoaderFunctionArgs } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import type { ExportColumn, ExportRow } from '@tally/imports';
import { formatDateTime, translator, type MessageKey } from '../i18n/index.ts';
import { parseCaseListQuery } from '../lib/case-list-query.ts';
import { pageHandler } from '../server/page-errors.ts';
import { requireCaller, requireRole } from '../server/request.ts';
import { exportOrRefusal, formatFromUrl, spreadsheetResponse } from '../server/spreadsheet-response.ts';

/** Headers of the case export, in Chinese as the offices' own ledgers are. */
const COLUMNS: ExportColumn[] = [
  { key: 'caseNumber', header: '案件编号' }, { key: 'receivedAt', header: '登记时间' }, { key: 'channel', header: '信访方式' },
  { key: 'petitionerName', header: '信访人' }, { key: 'petitionerIdNumber', header: '身份证号' }, { key: 'petitionerPhone', header: '联系电话' },
  { key: 'petitionerAddress', header: '住址' }, { key: 'peopleCount', header: '人数' }, { key: 'category', header: '问题类别' },
  { key: 'summary', header: '主要诉求' }, { key: 'status', header: '办理状态' }, { key: 'unitName', header: '承办单位' },
  { key: 'assignedPerson', header: '责任人' }, { key: 'dueOn', header: '办理期限' }, { key: 'flagged', header: '挂牌督办' },
];

/** The filtered case list as .xlsx or CSV; the same URL query as the list page. */
export const loader = pageHandler(async ({ request, context }: LoaderFunctionArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const format = formatFromUrl(url);
  const zh = translator('zh-CN');
  const { page: _page, ...filters } = parseCaseListQuery(url.searchParams);
  const exported = await exportOrRefusal(request, () => caller.cases.exportRows(filters));
  if (!exported.ok) return exported.response;
  const units = new Map((await caller.units.tree()).map((unit) => [unit.code, unit.name]));
  const word = (key: string) => zh(key as MessageKey);
  const exportRows: ExportRow[] = exported.value.map((row) => ({
    ...row,
    receivedAt: formatDateTime(row.receivedAt, 'zh-CN'),
    channel: word(`cases.channel.${row.channel}`),
    category: word(`cases.category.${row.category}`),
    status: word(`cases.status.${row.status}`),
    unitName: units.get(row.unitCode) ?? row.unitCode,
    flagged: row.flagged ? '是' : '否',
  }));
  return spreadsheetResponse(exportRows, COLUMNS, format, { asciiName: 'cases', title: '信访件' });
});
