import type { LoaderFunctionArgs } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { toCsv, toXlsx, type ExportColumn, type ExportRow } from '@tally/imports';
import { formatDateTime, translator, languageFromCookie, type MessageKey } from '../i18n/index.ts';
import { parseCaseListQuery } from '../lib/case-list-query.ts';
import { UserFacingError } from '../server/errors.ts';
import { requireCaller, requireRole } from '../server/request.ts';

/** Headers of the case export, in Chinese as the offices' own ledgers are. */
const COLUMNS: ExportColumn[] = [
  { key: 'caseNumber', header: '案件编号' }, { key: 'receivedAt', header: '登记时间' }, { key: 'channel', header: '信访方式' },
  { key: 'petitionerName', header: '信访人' }, { key: 'petitionerIdNumber', header: '身份证号' }, { key: 'petitionerPhone', header: '联系电话' },
  { key: 'petitionerAddress', header: '住址' }, { key: 'peopleCount', header: '人数' }, { key: 'category', header: '问题类别' },
  { key: 'summary', header: '主要诉求' }, { key: 'status', header: '办理状态' }, { key: 'unitName', header: '承办单位' },
  { key: 'assignedPerson', header: '责任人' }, { key: 'dueOn', header: '办理期限' }, { key: 'flagged', header: '挂牌督办' },
];

/** The filtered case list as .xlsx or CSV (UTF-8 with BOM); the same URL query as the list page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const zh = translator('zh-CN');
  const { page: _page, ...filters } = parseCaseListQuery(url.searchParams);
  let rows;
  try {
    rows = await caller.cases.exportRows(filters);
  } catch (error) {
    if (error instanceof UserFacingError) {
      const t = translator(languageFromCookie(request.headers.get('cookie')));
      return new Response(t(error.messageKey, error.params), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
  const units = new Map((await caller.units.tree()).map((unit) => [unit.code, unit.name]));
  const word = (key: string) => zh(key as MessageKey);
  const exportRows: ExportRow[] = rows.map((row) => ({
    ...row,
    receivedAt: formatDateTime(row.receivedAt, 'zh-CN'),
    channel: word(`cases.channel.${row.channel}`),
    category: word(`cases.category.${row.category}`),
    status: word(`cases.status.${row.status}`),
    unitName: units.get(row.unitCode) ?? row.unitCode,
    flagged: row.flagged ? '是' : '否',
  }));
  const body = format === 'csv' ? toCsv(exportRows, COLUMNS) : await toXlsx(exportRows, COLUMNS, '信访件');
  const fileName = `信访件-${new Date().toISOString().slice(0, 10)}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="cases.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}
