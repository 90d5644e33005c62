import { registerDefs } from '@tally/db/registers';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, parseXlsxRows, previewImport, toCsv, toXlsx, type ExportColumn } from '@tally/imports';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

const columns: ExportColumn[] = [
  { key: 'heldOn', header: '排查日期' },
  { key: 'scope', header: '排查类型' },
  { key: 'findingsCount', header: '排查发现数' },
  { key: 'notes', header: '备注' },
];
const rows = [
  { heldOn: '2024-03-05', scope: '常规', findingsCount: 0, notes: '含"引号",逗号\n换行 𠀀' },
  { heldOn: '2024-03-06', scope: '专项', findingsCount: 3, notes: "=cmd|' /C calc'!A0" },
  { heldOn: '2024-03-07', scope: '重点时段', findingsCount: -0, notes: null },
];

describe('export', () => {
  it('neutralises formula-looking strings only', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('正常文本')).toBe('正常文本');
  });

  it('writes CSV with BOM and CRLF that imports back to the same values', async () => {
    const csv = toCsv(rows, columns);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.startsWith('\uFEFF排查日期,排查类型,排查发现数,备注\r\n')).toBe(true);
    expect(text).toContain("\r\n2024-03-06,专项,3,'=cmd|' /C calc'!A0\r\n");
    const back = await previewImport({
      now: TEST_NOW,
      bytes: csv,
      fileName: 'out.csv',
      register: registerDefs.investigation_rounds,
    });
    expect(back.errors).toEqual([]);
    expect(back.validRows.map((r) => r.values)).toEqual([
      { heldOn: '2024-03-05', scope: 'routine', findingsCount: 0, investigator: null, notes: '含"引号",逗号\n换行 𠀀' },
      { heldOn: '2024-03-06', scope: 'special', findingsCount: 3, investigator: null, notes: "'=cmd|' /C calc'!A0" },
      { heldOn: '2024-03-07', scope: 'key_period', findingsCount: 0, investigator: null, notes: null },
    ]);
  });

  it('keeps numbers as numbers in CSV, including negatives', () => {
    const text = toCsv(
      [{ n: -5, s: '-5' }],
      [
        { key: 'n', header: 'n' },
        { key: 's', header: 's' },
      ],
    ).toString('utf8');
    expect(text).toBe("\uFEFFn,s\r\n-5,'-5\r\n");
  });

  it('writes .xlsx that reads back, numbers as numbers, formulas neutralised', async () => {
    const bytes = await toXlsx(rows, columns);
    const out = [];
    for await (const r of parseXlsxRows(bytes)) out.push(r);
    expect(out).toEqual([
      { row: 1, cells: ['排查日期', '排查类型', '排查发现数', '备注'] },
      { row: 2, cells: ['2024-03-05', '常规', 0, '含"引号",逗号\n换行 𠀀'] },
      { row: 3, cells: ['2024-03-06', '专项', 3, "'=cmd|' /C calc'!A0"] },
      { row: 4, cells: ['2024-03-07', '重点时段', 0] },
    ]);
  });

  it('reads every Chinese character of a sheet whose XML inflates in chunks that split characters', async () => {
    // 3-byte UTF-8 characters across more than one 16 KiB inflate chunk: some chunk ends inside a character.
    const many = Array.from({ length: 2_000 }, (_, i) => ({ note: `第${i}条会议记录，议题涉及村民调解工作` }));
    const bytes = await toXlsx(many, [{ key: 'note', header: '备注' }]);
    const notes: unknown[] = [];
    for await (const r of parseXlsxRows(bytes)) notes.push(r.cells[0]);
    expect(notes.slice(1)).toEqual(many.map((row) => row.note));
  });
});
