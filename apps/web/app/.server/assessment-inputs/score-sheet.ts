import type { RegisterDef } from '@tally/imports';

/*
 * The county's (or a township's) own inspection score sheet, as @tally/imports reads it: one
 * row per unit and period. Year, month and score are read as text and checked here, because
 * sheets write 2026年, 3月 (which Excel may have turned into a date) and 87.5 alike.
 */
export const scoreSheet: RegisterDef = {
  key: 'inspection_scores',
  label: '检查评分表',
  labelEn: 'Inspection score sheet',
  fields: [
    {
      key: 'unitCode',
      label: '单位代码',
      labelEn: 'Unit code',
      aliases: ['区划代码', '统计用区划代码', '代码'],
      type: 'text',
      required: false,
    },
    {
      key: 'unitName',
      label: '单位名称',
      labelEn: 'Unit name',
      aliases: ['单位', '名称', '村（社区）', '乡镇（街道）', '被检查单位'],
      type: 'text',
      required: false,
    },
    { key: 'year', label: '年度', labelEn: 'Year', aliases: ['年份', '考核年度'], type: 'text', required: true },
    {
      key: 'component',
      label: '检查类别',
      labelEn: 'Inspection',
      aliases: ['类别', '检查类型', '检查项目'],
      type: 'enum',
      required: true,
      enum: [
        {
          value: 'routine',
          labels: ['例行检查', '例行', '月度检查', '月检', '日常检查'],
          labelEn: 'Routine inspection',
        },
        { value: 'half-year', labels: ['半年检查', '半年', '半年度检查', '半年考核'], labelEn: 'Half-year inspection' },
        { value: 'year-end', labels: ['年终检查', '年终', '年度检查', '年终考核'], labelEn: 'Year-end inspection' },
      ],
    },
    {
      key: 'month',
      label: '月份',
      labelEn: 'Month',
      aliases: ['月', '期次', '检查月份'],
      type: 'text',
      required: false,
    },
    {
      key: 'score',
      label: '得分',
      labelEn: 'Score',
      aliases: ['分数', '检查得分', '评分', '成绩'],
      type: 'text',
      required: true,
    },
  ],
};

const HALF_WIDTH = (text: string) => text.normalize('NFKC').replace(/\s/g, '');

/** 2026, 2026年 → 2026; null for anything else. */
export function sheetYear(text: string): number | null {
  const match = /^(\d{4})年?$/.exec(HALF_WIDTH(text));
  const year = match ? Number(match[1]) : Number.NaN;
  return year >= 2000 && year <= 2100 ? year : null;
}

/** 3, 03, 3月, or a date Excel made of "3月" (2026-03-01) → 3; empty → null; anything else → NaN. */
export function sheetMonth(text: string): number | null {
  const plain = HALF_WIDTH(text);
  if (plain === '') return null;
  const match = /^(\d{1,2})月?$/.exec(plain) ?? /^\d{4}-(\d{2})-\d{2}$/.exec(plain);
  return match ? Number(match[1]) : Number.NaN;
}
