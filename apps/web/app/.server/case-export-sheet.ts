/**
 * The case export as a sheet: its columns and rows, shared by the download route and the
 * round-trip test (export → import again adds nothing).
 */
import { shanghaiDate } from '@tally/casework';
import type { ExportColumn, ExportRow } from '@tally/imports';
import { formatDateTime, translator, type MessageKey } from '../i18n/index.ts';
import type { createCaller } from './routers/root.ts';

type ExportedCase = Awaited<ReturnType<ReturnType<typeof createCaller>['cases']['exportRows']>>[number];

/**
 * Headers of the case export, in Chinese as the offices' own ledgers are. Every field the
 * petition import reads is here under the import's own label, and the case number with
 * it, so a clerk can export, correct in Excel and import again without creating a second
 * case for any row (docs/decisions/0016-petition-export-round-trip.md). The time of
 * receipt has a header of its own that the import does not read (it takes 登记日期).
 */
export const CASE_SHEET_COLUMNS: ExportColumn[] = [
  { key: 'caseNumber', header: '案件编号' },
  { key: 'receivedOn', header: '登记日期' },
  { key: 'receivedAt', header: '接收时间' },
  { key: 'channel', header: '信访方式' },
  { key: 'petitionerName', header: '信访人' },
  { key: 'petitionerIdNumber', header: '身份证号' },
  { key: 'petitionerPhone', header: '联系电话' },
  { key: 'petitionerAddress', header: '住址' },
  { key: 'peopleCount', header: '人数' },
  { key: 'skipLevel', header: '是否越级' },
  { key: 'repeatPetition', header: '是否重复访' },
  { key: 'category', header: '问题类别' },
  { key: 'summary', header: '主要诉求' },
  { key: 'status', header: '办理状态' },
  { key: 'unitName', header: '承办单位' },
  { key: 'assignedPerson', header: '责任人' },
  { key: 'dueOn', header: '办理期限' },
  { key: 'flagged', header: '挂牌督办' },
];

const yesNo = (value: boolean) => (value ? '是' : '否');

/** Codes in the words the offices use (the import reads the same words back), dates in China. */
export function caseSheetRows(rows: readonly ExportedCase[], unitNames: ReadonlyMap<string, string>): ExportRow[] {
  const zh = translator('zh-CN');
  const word = (key: string) => zh(key as MessageKey);
  return rows.map((row) => ({
    ...row,
    receivedOn: shanghaiDate(row.receivedAt),
    receivedAt: formatDateTime(row.receivedAt, 'zh-CN'),
    skipLevel: yesNo(row.skipLevel),
    repeatPetition: yesNo(row.repeatPetition),
    channel: word(`cases.channel.${row.channel}`),
    category: word(`cases.category.${row.category}`),
    status: word(`cases.status.${row.status}`),
    unitName: unitNames.get(row.unitCode) ?? row.unitCode,
    flagged: yesNo(row.flagged),
  }));
}
