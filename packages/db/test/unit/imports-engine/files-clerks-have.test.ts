/**
 * Issue 14: the files clerks actually have, each a fixture written by LibreOffice
 * (packages/imports/test/fixtures/make-fixtures.sh), read end to end by the engine.
 */
import { PETITION_REGISTER, registerDefs } from '@tally/db/registers';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapHeaders, previewImport } from '@tally/imports';

const fixture = (name: string) => readFileSync(new URL(`../../../../imports/test/fixtures/${name}`, import.meta.url));
// A fixed clock: 2026-12-05 in Asia/Shanghai, so the latest plausible date is 2027-12-05.
const now = new Date('2026-12-05T04:00:00Z');
const petitions = PETITION_REGISTER;

describe('old Excel .xls (97–2003)', () => {
  it('is recognised and refused with "另存为 .xlsx 或 CSV", never parsed as CSV', async () => {
    const bytes = fixture('petitions-ledger.xls');
    await expect(previewImport({ bytes, fileName: '台账.xls', register: petitions, now })).rejects.toMatchObject({
      code: 'old_excel',
      zh: expect.stringContaining('请另存为 .xlsx 或 CSV'),
    });
  });
});

describe("Excel's Unicode text (UTF-16 with BOM, tab-separated)", () => {
  it('is decoded and read like the CSV of the same sheet', async () => {
    const utf16 = await previewImport({
      bytes: fixture('meetings.utf16.txt'),
      fileName: '会议.txt',
      register: registerDefs.meetings,
      now,
    });
    const gbk = await previewImport({
      bytes: fixture('meetings.gb18030.csv'),
      fileName: '会议.csv',
      register: registerDefs.meetings,
      now,
    });
    expect(fixture('meetings.utf16.txt').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(utf16.errors).toEqual([]);
    expect(utf16.headers).toEqual(gbk.headers);
    expect(utf16.validRows.map((r) => r.values)).toEqual(gbk.validRows.map((r) => r.values));
    expect(utf16.totalRows).toBe(4);
  });
});

describe('a NUL byte in a cell', () => {
  it('is refused as that row and column, the other rows go through', async () => {
    const r = await previewImport({
      bytes: fixture('meetings-nul.csv'),
      fileName: 'nul.csv',
      register: registerDefs.meetings,
      now,
    });
    expect(r.errors.map((e) => [e.row, e.column, e.zh])).toEqual([
      [3, '议题', '第 3 行「议题」：含有不可见的空字符（NUL），请删除后再导入'],
    ]);
    expect(r.validRows.map((v) => v.row)).toEqual([2, 4, 5]);
  });
});

describe('a workbook with several sheets and a title row', () => {
  const ledger = fixture('petitions-ledger.xlsx');

  it('reads the first visible tab in workbook order and says which tabs there are', async () => {
    const r = await previewImport({ bytes: ledger, fileName: '台账.xlsx', register: petitions, now });
    expect(r.sheets).toEqual({ sheets: ['填表说明', '2025年台账', '2024年台账', '身份证号为数字'], sheet: '填表说明' });
    // The instructions sheet maps nothing: the missing columns are reported once, on its first row.
    expect(r.mapping.missingRequired.map((m) => m.key)).toEqual([
      'receivedOn',
      'channel',
      'petitionerName',
      'category',
      'summary',
    ]);
  });

  it('reads the sheet the clerk picks, finding the header below the merged title row', async () => {
    const r = await previewImport({
      bytes: ledger,
      fileName: '台账.xlsx',
      register: petitions,
      sheet: '2025年台账',
      now,
    });
    expect(r.sheets?.sheet).toBe('2025年台账');
    expect(r.headerRow).toBe(2);
    expect(r.topRows[0]).toEqual({ row: 1, cells: ['某村2025年信访登记台账'] });
    expect(r.topRows[1]).toEqual({ row: 2, cells: ['登记日期', '来源渠道', '信访人', '问题类别', '内容摘要'] });
    // The picker keeps header words and titles only: data rows' values (names) are not stored with the batch.
    expect(r.topRows.slice(2).map((t) => t.cells)).toEqual([[], [], [], []]);
    expect(r.headers).toEqual(['登记日期', '来源渠道', '信访人', '问题类别', '内容摘要']);
    // 来源渠道 and 内容摘要, as real ledgers word them, map.
    expect(r.mapping.mapping).toEqual({
      0: 'receivedOn',
      1: 'channel',
      2: 'petitionerName',
      3: 'category',
      4: 'summary',
    });
    expect(r.totalRows).toBe(4);
    // A receipt in 2136 describes the future: refused outright (docs/decisions/0014), not a warning.
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[6, '登记日期']]);
    expect(r.validRows.map((v) => [v.row, v.values.receivedOn])).toEqual([
      [3, '2025-03-05'],
      [4, '2025-04-10'],
      [5, '1905-07-16'],
    ]);
  });

  it('flags the implausible values as warnings: a bare year read as a serial date, a "?" from a GBK re-save', async () => {
    const r = await previewImport({
      bytes: ledger,
      fileName: '台账.xlsx',
      register: petitions,
      sheet: '2025年台账',
      now,
    });
    // The 2136 row is an error (a receipt may not lie in the future), so it carries no warning.
    expect(r.warningRowCount).toBe(2);
    expect(r.warnings.map((w) => [w.row, w.column])).toEqual([
      [4, '信访人'],
      [5, '登记日期'],
    ]);
    expect(r.warnings[1]!.zh).toContain('日期 1905-07-16 不在合理范围（2000-01-01 至 2027-12-05）内');
    // The name is personal data: the warning names the row and column, never the value.
    expect(r.warnings[0]!.zh).toBe('第 4 行「信访人」：汉字旁有“?”，可能是另存为 GBK 时丢失的生僻字，请核对');
  });

  it('lets the clerk pick the header row by hand', async () => {
    const r = await previewImport({
      bytes: ledger,
      fileName: '台账.xlsx',
      register: petitions,
      sheet: '2024年台账',
      headerRow: 1,
      now,
    });
    expect(r.headerRow).toBe(1);
    expect(r.validRows.map((v) => v.values.petitionerName)).toEqual(['赵六', '钱七']);
    expect(r.warnings).toEqual([]);
    await expect(
      previewImport({
        bytes: ledger,
        fileName: '台账.xlsx',
        register: petitions,
        sheet: '2024年台账',
        headerRow: 40,
        now,
      }),
    ).rejects.toMatchObject({ code: 'bad_header_row' });
    await expect(
      previewImport({ bytes: ledger, fileName: '台账.xlsx', register: petitions, sheet: '没有这页', now }),
    ).rejects.toMatchObject({ code: 'bad_sheet' });
  });

  it('says the last digits of an ID number Excel stored as a number are lost and must be typed again', async () => {
    const r = await previewImport({
      bytes: ledger,
      fileName: '台账.xlsx',
      register: petitions,
      sheet: '身份证号为数字',
      now,
    });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 2, column: '身份证号' });
    expect(r.errors[0]!.zh).toContain('最后几位已经丢失');
    expect(r.errors[0]!.zh).toContain('重新录入');
    expect(r.errors[0]!.zh).not.toContain('130534');
  });
});

describe('a GBK re-save', () => {
  it('warns on "?" where GBK could not hold a character and on U+FFFD from a damaged byte', async () => {
    const r = await previewImport({
      bytes: fixture('petitions-resaved.gbk.csv'),
      fileName: '信访.csv',
      register: petitions,
      now,
    });
    expect(r.errors).toEqual([]);
    expect(r.validRows.map((v) => v.values.petitionerName)).toEqual(['吉?祥', '周\uFFFD兰', '赵六']);
    expect(r.warnings.map((w) => [w.row, w.column])).toEqual([
      [2, '信访人'],
      [3, '信访人'],
    ]);
    expect(r.warnings[1]!.zh).toContain('乱码字符');
  });
});

describe('header aliases as real ledgers word them', () => {
  it('maps 来源渠道 and 内容摘要 and a known word inside a longer header, but not a title', () => {
    const m = mapHeaders(
      ['来信来访时间', '来源渠道', '信访人', '反映问题类别', '内容摘要', '某村2025年信访登记台账'],
      petitions,
    );
    expect(m.mapping).toMatchObject({ 1: 'channel', 2: 'petitionerName', 3: 'category', 4: 'summary' });
    expect(m.mapping[5]).toBeUndefined();
  });
});
