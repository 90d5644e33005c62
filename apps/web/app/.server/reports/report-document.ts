import { REPORT_KIND_LABELS, isReportKind } from '@tally/reporting';
import { shanghaiDate } from '@tally/casework';
import type { ReportNarrative } from '@tally/db/reports';
import { formatCivilDate } from '../../lib/civil-date-format.ts';

/**
 * A report as an official paper (公文): title, the unit above it is addressed to, body in three
 * numbered parts, the filing unit and date at the foot, room for the seal. Always Chinese: it
 * is the paper a township files, whatever the reader's interface language. The same model
 * feeds the A4 print page and the .docx.
 */
export interface ReportDocument {
  title: string;
  /** 「乡镇名：」, or null when the reader cannot see the unit above (a village reading its own). */
  addressee: string | null;
  periodLabel: string;
  sections: { heading: string; paragraphs: string[] }[];
  unitName: string;
  /** 2026年10月8日: the day the standing version was filed, or today's for a draft. */
  dateLine: string;
  zero: boolean;
}

export function chinesePeriod(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}年第${'一二三四'[Number(quarter[2]) - 1]}季度`;
  const half = /^(\d{4})-(\d{2})-H([12])$/.exec(key);
  if (half) return `${half[1]}年${Number(half[2])}月${half[3] === '1' ? '上' : '下'}半月`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return key;
}

const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export function reportDocument(input: {
  unitName: string;
  parentName: string | null;
  kind: string;
  periodKey: string;
  narrative: ReportNarrative;
  zero: boolean;
  filedAt: Date | null;
  now: Date;
}): ReportDocument {
  const kindLabel = isReportKind(input.kind) ? REPORT_KIND_LABELS[input.kind].zh : input.kind;
  const periodLabel = chinesePeriod(input.periodKey);
  const sections = input.zero
    ? [{ heading: '', paragraphs: [`本单位${periodLabel}无需报告的情况，特此零报告。`] }]
    : [
        { heading: '一、工作开展情况', paragraphs: paragraphs(input.narrative.work) },
        { heading: '二、存在问题', paragraphs: paragraphs(input.narrative.problems) },
        { heading: '三、下步打算', paragraphs: paragraphs(input.narrative.plans) },
      ].map((section) => ({ ...section, paragraphs: section.paragraphs.length > 0 ? section.paragraphs : ['无。'] }));
  return {
    title: `${input.unitName}${periodLabel}${kindLabel}`,
    addressee: input.parentName ? `${input.parentName}：` : null,
    periodLabel,
    sections,
    unitName: input.unitName,
    dateLine: formatCivilDate(shanghaiDate(input.filedAt ?? input.now), 'zh-CN'),
    zero: input.zero,
  };
}

/** The paper of a report as `reports.get` returns it: the standing filed version, or the draft not yet filed. */
export function documentOf(
  loaded: {
    report: {
      unitName: string;
      parentName: string | null;
      kind: string;
      periodKey: string;
      narrative: ReportNarrative;
      zero: boolean;
      filedVersionNo: number;
    };
    versions: readonly { versionNo: number; narrative: ReportNarrative; zero: boolean; submittedAt: Date }[];
  },
  now: Date,
): ReportDocument {
  const standing = loaded.versions.find((version) => version.versionNo === loaded.report.filedVersionNo);
  return reportDocument({
    unitName: loaded.report.unitName,
    parentName: loaded.report.parentName,
    kind: loaded.report.kind,
    periodKey: loaded.report.periodKey,
    narrative: standing?.narrative ?? loaded.report.narrative,
    zero: standing?.zero ?? loaded.report.zero,
    filedAt: standing?.submittedAt ?? null,
    now,
  });
}
