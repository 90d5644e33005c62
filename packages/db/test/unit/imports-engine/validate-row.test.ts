import { describe, expect, it } from 'vitest';
import { registerDefs } from '@tally/db/registers';
import { idCheckCharacter as idNumberCheckChar } from '@tally/casework';
import { mapHeaders, validateRecord, validateRow } from '@tally/imports';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

const headers = ['日期', '类型', '发现问题数'];
const { mapping } = mapHeaders(headers, registerDefs.investigation_rounds);
const check = (cells: (string | number | null)[], row = 5) =>
  validateRow(registerDefs.investigation_rounds, mapping, headers, { row, cells }, { now: TEST_NOW });

describe('validateRow', () => {
  it('accepts a zero report (findings 0)', () => {
    expect(check(['2024/3/5', '常规', '0'])).toEqual({
      ok: true,
      values: { heldOn: '2024-03-05', scope: 'routine', findingsCount: 0, investigator: null, notes: null },
    });
  });

  it('names row and column in both languages', () => {
    expect(check(['2024-13-01', '常规', 1])).toEqual({
      ok: false,
      errors: [
        {
          row: 5,
          column: '日期',
          field: 'heldOn',
          zh: '第 5 行「日期」：无法识别的日期“2024-13-01”，请使用 2024-03-05、2024/3/5 或 2024年3月5日',
          en: 'Row 5, "日期": unrecognised date "2024-13-01"; use 2024-03-05, 2024/3/5 or 2024年3月5日',
        },
      ],
    });
  });

  it('collects every error of the row', () => {
    const r = check(['', '每月', '-1'], 9);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column, e.field])).toEqual([
      [9, '日期', 'heldOn'],
      [9, '类型', 'scope'],
      [9, '发现问题数', 'findingsCount'],
    ]);
    expect(r.errors[0]!.zh).toBe('第 9 行「日期」：必填项为空');
    expect(r.errors[1]!.zh).toBe('第 9 行「类型」：“每月”不是有效选项，可选：常规、重点时段、专项');
    // A whole number below the bound says the bound.
    expect(r.errors[2]!.zh).toBe('第 9 行「发现问题数」：至少为 0');
  });

  it('computes GB 11643 check digits', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('33010219751212456')).toBe('5');
  });

  it('validates ID numbers and phones, normalising them', () => {
    const h = ['排查日期', '纠纷类型', '当事人', '身份证号', '联系电话', '纠纷简要情况', '纠纷等级'];
    const m = mapHeaders(h, registerDefs.disputes).mapping;
    const row = (id: string, phone: string) =>
      validateRow(
        registerDefs.disputes,
        m,
        h,
        { row: 2, cells: ['2024-03-05', '邻里', '张三', id, phone, '争议', '轻微'] },
        { now: TEST_NOW },
      );
    const ok = row('11010519491231002x', '138 1234 5678');
    expect(ok.ok && ok.values.partyIdNumber).toBe('11010519491231002X');
    expect(ok.ok && ok.values.partyPhone).toBe('13812345678');
    const land = row('', '（0571）87654321');
    expect(land.ok && land.values.partyPhone).toBe('0571-87654321');
    const bad = row('110105194912310021', '87654321');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.zh)).toEqual([
      '第 2 行「身份证号」：身份证号校验位错误，请核对',
      '第 2 行「联系电话」：电话号码格式不正确，应为 11 位手机号或带区号的固定电话',
    ]);
  });

  it('fills defaults for optional enums', () => {
    const h = ['日期', '标题'];
    const r = validateRow(
      registerDefs.info_submissions,
      mapHeaders(h, registerDefs.info_submissions).mapping,
      h,
      { row: 2, cells: ['2024-03-05', '某村调解经验'] },
      { now: TEST_NOW },
    );
    expect(r.ok && r.values.adoptedLevel).toBe('none');
  });
});

describe('validateRecord (forms)', () => {
  const disputes = registerDefs.disputes;
  it('accepts a typed record and applies defaults', () => {
    const r = validateRecord(
      disputes,
      {
        foundOn: '2024年3月5日',
        disputeType: '邻里',
        parties: '张三、李四',
        severity: '轻微',
        summary: '宅基地边界',
        revisitClass: '二类',
      },
      { now: TEST_NOW },
    );
    expect(r).toMatchObject({
      ok: true,
      values: {
        foundOn: '2024-03-05',
        disputeType: 'neighbours',
        source: 'investigation',
        outcome: 'pending',
        revisitClass: 2,
      },
    });
  });
  it('names every bad or missing field by its label, in both languages', () => {
    const r = validateRecord(
      disputes,
      {
        foundOn: '2024-02-30',
        disputeType: '吵架',
        partyIdNumber: '330102197512124560',
        severity: '轻微',
        summary: 'x',
      },
      { now: TEST_NOW },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['foundOn', 'disputeType', 'parties', 'partyIdNumber']);
    expect(r.errors[2]!.zh).toBe('「当事人」为必填项');
    expect(r.errors[3]!.zh).toContain('校验位错误');
    expect(r.errors[0]!.en).toMatch(/^"Found on": unrecognised date/);
  });
  it('refuses a revisit class outside 1–3 and an over-long text', () => {
    const r = validateRecord(
      disputes,
      {
        foundOn: '2024-03-05',
        disputeType: '邻里',
        parties: 'x'.repeat(501),
        severity: '轻微',
        summary: 's',
        revisitClass: '4',
      },
      { now: TEST_NOW },
    );
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['parties', 'revisitClass']);
  });
});
