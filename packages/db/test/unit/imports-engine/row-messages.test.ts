import { registerDefs } from '@tally/db/registers';
import { describe, expect, it } from 'vitest';
import { mapHeaders, previewImport, validateRow } from '@tally/imports';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

/*
 * Security review, issue 8 items 4 and 6: row error messages name the row, the column and
 * the reason, never a personal value (they are shown unmasked above the importing unit),
 * and a NUL byte (which Postgres text and jsonb refuse) is a row error, not a failed insert.
 */
const disputes = registerDefs.disputes;
const HEADER = ['排查日期', '纠纷类型', '当事人', '身份证号', '联系电话', '纠纷简要情况', '纠纷等级'];
const { mapping } = mapHeaders(HEADER, disputes);
const row = (cells: string[], n = 2) => validateRow(disputes, mapping, HEADER, { row: n, cells }, { now: TEST_NOW });
const messages = (result: ReturnType<typeof row>) => (result.ok ? [] : result.errors.flatMap((e) => [e.zh, e.en]));

// A real ID one digit off, and a phone number that is not one.
const MISTYPED_ID = '330102197512124560';
const BAD_PHONE = '8765432';

describe('personal values stay out of messages', () => {
  it('a mistyped ID number and a bad phone: row, column and reason, no digits', () => {
    const result = row(['2024-03-05', '邻里', '张三', MISTYPED_ID, BAD_PHONE, '争议', '轻微']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.zh)).toEqual([
      '第 2 行「身份证号」：身份证号校验位错误，请核对',
      '第 2 行「联系电话」：电话号码格式不正确，应为 11 位手机号或带区号的固定电话',
    ]);
    for (const message of messages(result)) {
      expect(message).not.toContain(MISTYPED_ID);
      expect(message).not.toContain(BAD_PHONE);
      expect(message).not.toMatch(/\d{6,}/);
    }
  });

  it('an ID number of the wrong shape, or with an impossible birth date, is not quoted either', () => {
    for (const id of ['33010219751212456', '330102197513324568', '33010219751212456Y']) {
      for (const message of messages(row(['2024-03-05', '邻里', '张三', id, '', '争议', '轻微'])))
        expect(message).not.toContain(id.slice(0, 12));
    }
  });

  it('the same through a whole preview, in both languages', async () => {
    const csv = `${HEADER.join(',')}\n2024-03-05,邻里,张三,${MISTYPED_ID},${BAD_PHONE},争议,轻微\n`;
    const r = await previewImport({ now: TEST_NOW, bytes: Buffer.from(csv), fileName: 'd.csv', register: disputes });
    expect(r.errors).toHaveLength(2);
    const text = JSON.stringify(r.errors);
    expect(text).not.toContain(MISTYPED_ID);
    expect(text).not.toContain(BAD_PHONE);
  });

  it('non-personal values are still quoted, cut to a readable length', () => {
    const result = row([`2024-13-01${'x'.repeat(300)}`, '吵架', '张三', '', '', '争议', '轻微']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.zh).toMatch(/^第 2 行「排查日期」：无法识别的日期“2024-13-01x+…”/);
    expect(result.errors[0]!.zh.length).toBeLessThan(120);
    expect(result.errors[1]!.zh).toContain('“吵架”不是有效选项');
  });
});

describe('NUL bytes and broken text', () => {
  it('a NUL byte in a cell is an error naming row and column', () => {
    const result = row(['2024-03-05', '邻里', '张\u0000三', '', '', '争议', '轻微'], 7);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 7,
          column: '当事人',
          field: 'parties',
          zh: '第 7 行「当事人」：含有不可见的空字符（NUL），请删除后再导入',
          en: 'Row 7, "当事人": contains an invisible NUL character; remove it and import again',
        },
      ],
    });
  });

  it('a NUL byte is refused whatever the field type, and never quoted', () => {
    const result = row(['2024-03-05\u0000', '邻里\u0000', '张三', '\u0000', '', '争议', '轻微']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['foundOn', 'disputeType', 'partyIdNumber']);
    expect(result.errors.every((e) => !e.zh.includes('\u0000') && !e.en.includes('\u0000'))).toBe(true);
  });

  it('a lone surrogate (text no encoder can write) is an error too', () => {
    const result = row(['2024-03-05', '邻里', '张三\ud800', '', '', '争议', '轻微']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.zh).toBe('第 2 行「当事人」：含有无法识别的字符，请检查该单元格后再导入');
  });

  it('a NUL byte in a CSV cell: the row is refused, the others go through', async () => {
    const csv = Buffer.from(
      `${HEADER.join(',')}\n2024-03-05,邻里,张三,,,争\u0000议,轻微\n2024-03-06,邻里,李四,,,争议,轻微\n`,
    );
    const r = await previewImport({ now: TEST_NOW, bytes: csv, fileName: 'd.csv', register: disputes });
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[2, '纠纷简要情况']]);
    expect(r.validRows.map((v) => v.row)).toEqual([3]);
  });

  it('a NUL byte in the header refuses the file, naming the column', async () => {
    const csv = Buffer.from(`排查日期,纠纷\u0000类型,当事人\n2024-03-05,邻里,张三\n`);
    await expect(
      previewImport({ now: TEST_NOW, bytes: csv, fileName: 'd.csv', register: disputes }),
    ).rejects.toMatchObject({
      code: 'bad_text',
      zh: '表头第 2 列含有不可见的空字符（NUL）或无法识别的字符，请删除后再导入',
    });
  });
});
