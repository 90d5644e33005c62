import { registerDefs } from '@tally/db/registers';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, parseCsvRows, previewImport, rowFingerprint } from '@tally/imports';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

const fixture = (name: string) => readFileSync(new URL(`../../../../imports/test/fixtures/${name}`, import.meta.url));

const MEETINGS = [
  {
    heldOn: '2024-03-05',
    kind: 'director_weekly',
    topic: '研究信访积案化解',
    host: '王建国',
    attendees: '王建国、李明、张华',
    absentees: null,
    absentCount: 0,
    decisions: null,
  },
  {
    heldOn: '2024-03-12',
    kind: 'director_weekly',
    topic: '部署两会期间维稳工作',
    host: '王建国',
    attendees: '王建国、李明',
    absentees: '张华',
    absentCount: 0,
    decisions: null,
  },
  {
    heldOn: '2024-03-28',
    kind: 'member_monthly',
    topic: '𠀀村土地纠纷排查',
    host: '李明',
    attendees: '王建国、李㐀、赵刚',
    absentees: null,
    absentCount: 0,
    decisions: null,
  },
  {
    heldOn: '2024-04-02',
    kind: 'joint',
    topic: '跨村山林纠纷\n联合调处',
    host: '王建国',
    attendees: '王建国、李明、派出所、司法所',
    absentees: null,
    absentCount: 0,
    decisions: null,
  },
];

const BROKEN_ERRORS: [number, string, string][] = [
  [3, '排查日期', '第 3 行「排查日期」：无法识别的日期“2024-13-01”，请使用 2024-03-05、2024/3/5 或 2024年3月5日'],
  [4, '当事人', '第 4 行「当事人」：必填项为空'],
  [
    5,
    '纠纷类型',
    '第 5 行「纠纷类型」：“吵架”不是有效选项，可选：婚姻家庭、邻里、赔偿、劳资、物业、土地、林权、征迁、其他',
  ],
  [6, '身份证号码', '第 6 行「身份证号码」：身份证号校验位错误，请核对'],
  [7, '排查日期', '第 7 行「排查日期」：无法识别的日期“2024-02-30”，请使用 2024-03-05、2024/3/5 或 2024年3月5日'],
  [7, '联系电话', '第 7 行「联系电话」：电话号码格式不正确，应为 11 位手机号或带区号的固定电话'],
];

describe('fixtures made by LibreOffice, end to end', () => {
  for (const file of ['meetings.gb18030.csv', 'meetings.xlsx']) {
    it(`${file}: all rows valid, 4-byte characters intact`, async () => {
      const r = await previewImport({
        now: TEST_NOW,
        bytes: fixture(file),
        fileName: file,
        register: registerDefs.meetings,
      });
      expect(r.format).toBe(file.endsWith('.xlsx') ? 'xlsx' : 'csv');
      expect(r.mapping.mapping).toEqual({
        0: 'heldOn',
        1: 'kind',
        2: 'topic',
        3: 'host',
        4: 'attendees',
        5: 'absentees',
      });
      expect(r.errors).toEqual([]);
      expect(r.totalRows).toBe(4);
      expect(r.validRows.map((v) => v.row)).toEqual([2, 3, 4, 5]);
      expect(r.validRows.map((v) => v.values)).toEqual(MEETINGS);
      expect(r.duplicateRowsInFile).toEqual([]);
    });
  }

  it('the GB18030 fixture really is not UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fixture('meetings.gb18030.csv'))).toThrow();
  });

  for (const file of ['disputes.gb18030.csv', 'disputes.xlsx']) {
    it(`${file}: disputes with IDs, phones and three date styles`, async () => {
      const r = await previewImport({
        now: TEST_NOW,
        bytes: fixture(file),
        fileName: file,
        register: registerDefs.disputes,
      });
      expect(r.errors).toEqual([]);
      expect(
        r.validRows.map((v) => [
          v.values.foundOn,
          v.values.disputeType,
          v.values.parties,
          v.values.partyIdNumber,
          v.values.partyPhone,
        ]),
      ).toEqual([
        ['2024-03-05', 'neighbours', '张三、李四', '33010219800101123X', '13812345678'],
        ['2024-03-06', 'marriage_family', '王五', '330102197512124565', '0571-87654321'],
        ['2024-03-07', 'labour', '𠀀某某、㐀建筑公司', '11010519491231002X', null],
      ]);
    });
  }

  for (const file of ['disputes-broken.gb18030.csv', 'disputes-broken.xlsx']) {
    it(`${file}: exact errors`, async () => {
      const r = await previewImport({
        now: TEST_NOW,
        bytes: fixture(file),
        fileName: file,
        register: registerDefs.disputes,
      });
      expect(r.totalRows).toBe(6);
      expect(r.validRows.map((v) => v.row)).toEqual([2]);
      expect(r.errors.map((e) => [e.row, e.column, e.zh])).toEqual(BROKEN_ERRORS);
      expect(r.errors.every((e) => e.en.startsWith(`Row ${e.row}, "${e.column}": `))).toBe(true);
    });
  }
});

describe('previewImport', () => {
  it('picks the parser by content, not by name', async () => {
    const r = await previewImport({
      now: TEST_NOW,
      bytes: fixture('meetings.xlsx'),
      fileName: 'meetings.csv',
      register: registerDefs.meetings,
    });
    expect(r.format).toBe('xlsx');
    expect(r.validRows).toHaveLength(4);
  });

  it('reports duplicate rows and reports progress', async () => {
    const lines = ['日期,类型,发现问题数'];
    for (let i = 0; i < 25; i++) lines.push(`2024-03-${String((i % 10) + 1).padStart(2, '0')},常规,0`);
    const seen: number[] = [];
    const r = await previewImport({
      now: TEST_NOW,
      bytes: Buffer.from(lines.join('\r\n')),
      fileName: 'x.csv',
      register: registerDefs.investigation_rounds,
      onProgress: (n) => seen.push(n),
      progressEvery: 10,
    });
    expect(r.totalRows).toBe(25);
    expect(r.validRows).toHaveLength(10);
    expect(r.duplicateRowsInFile).toEqual(Array.from({ length: 15 }, (_, i) => i + 12));
    expect(seen).toEqual([10, 20, 25]);
  });

  it('skips blank rows but keeps spreadsheet row numbers', async () => {
    const csv = '\uFEFF日期,类型,发现问题数\r\n,,\r\n2024-03-05,专项,2\r\n\r\n2024/3/6,错,1\r\n';
    const r = await previewImport({
      now: TEST_NOW,
      bytes: Buffer.from(csv),
      fileName: 'x.csv',
      register: registerDefs.investigation_rounds,
    });
    expect(r.totalRows).toBe(2);
    expect(r.validRows.map((v) => v.row)).toEqual([3]);
    expect(r.errors.map((e) => e.row)).toEqual([5]);
  });

  it('says once when a required column is missing', async () => {
    const r = await previewImport({
      now: TEST_NOW,
      bytes: Buffer.from('日期,类型\n2024-03-05,常规\n'),
      fileName: 'x.csv',
      register: registerDefs.investigation_rounds,
    });
    expect(r.validRows).toEqual([]);
    expect(r.errors).toEqual([
      {
        row: 1,
        column: '排查发现数',
        field: 'findingsCount',
        zh: '缺少必填列「排查发现数」，请检查表头或手动指定列对应关系',
        en: 'Required column "排查发现数" is missing; check the header row or map the column by hand',
      },
    ]);
  });

  it('refuses an empty file', async () => {
    await expect(
      previewImport({
        now: TEST_NOW,
        bytes: Buffer.from('\r\n\r\n'),
        fileName: 'x.csv',
        register: registerDefs.meetings,
      }),
    ).rejects.toMatchObject({ code: 'empty' });
  });
});

describe('limits', () => {
  it('refuses too many rows, naming the limit', async () => {
    const csv = `日期,类型,发现问题数\n${'2024-03-05,常规,0\n'.repeat(11)}`;
    const err = await previewImport({
      now: TEST_NOW,
      bytes: Buffer.from(csv),
      fileName: 'x.csv',
      register: registerDefs.investigation_rounds,
      limits: { maxRows: 10 },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ code: 'too_many_rows', zh: '数据行数超过上限 10 行，请拆分后分批导入' });
  });

  it('accepts exactly the row limit', async () => {
    const csv = `日期,类型,发现问题数\n${'2024-03-05,常规,0\n'.repeat(10)}`;
    const r = await previewImport({
      now: TEST_NOW,
      bytes: Buffer.from(csv),
      fileName: 'x.csv',
      register: registerDefs.investigation_rounds,
      limits: { maxRows: 10 },
    });
    expect(r.totalRows).toBe(10);
  });

  it('refuses a file over the size limit, naming it', async () => {
    await expect(
      previewImport({
        now: TEST_NOW,
        bytes: Buffer.alloc(2 * 1024 * 1024 + 1, 0x61),
        fileName: 'x.csv',
        register: registerDefs.meetings,
        limits: { maxBytes: 2 * 1024 * 1024 },
      }),
    ).rejects.toMatchObject({ code: 'too_large', zh: '文件超过大小上限 2 MiB，请拆分后分批导入' });
  });

  it('counts bytes while streaming, too', async () => {
    async function* chunks() {
      for (let i = 0; i < 5; i++) yield Buffer.from('日期,类型\n'.repeat(100));
    }
    const consume = async () => {
      for await (const _ of parseCsvRows(chunks(), { maxBytes: 2000 })) void _;
    };
    await expect(consume()).rejects.toMatchObject({ code: 'too_large' });
  });
});

describe('CSV streaming', () => {
  it('gives the same rows whatever the chunking', async () => {
    const text = '日期,议题,参会人员\r\n2024-03-05,"含""引号"",逗号\r\n和换行",张三𠀀\r\n2024/3/6,b,李四\r\n';
    const bytes = Buffer.from(text);
    const expected = [
      { row: 1, cells: ['日期', '议题', '参会人员'] },
      { row: 2, cells: ['2024-03-05', '含"引号",逗号\r\n和换行', '张三𠀀'] },
      { row: 3, cells: ['2024/3/6', 'b', '李四'] },
    ];
    for (let size = 1; size <= bytes.length; size += 3) {
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const rows = [];
      for await (const r of parseCsvRows(chunks())) rows.push(r);
      expect(rows).toEqual(expected);
    }
  });
});

describe('rowFingerprint', () => {
  it('is stable across column order, header spelling and date style', async () => {
    const a = await previewImport({
      now: TEST_NOW,
      bytes: Buffer.from('日期,类型,发现问题数\n2024-03-05,常规,0\n'),
      fileName: 'a.csv',
      register: registerDefs.investigation_rounds,
    });
    const b = await previewImport({
      now: TEST_NOW,
      bytes: Buffer.from('排查发现数,排查日期,排查类型\n0,2024年3月5日,常规排查\n'),
      fileName: 'b.csv',
      register: registerDefs.investigation_rounds,
    });
    expect(a.validRows[0]!.fingerprint).toBe(b.validRows[0]!.fingerprint);
    expect(a.validRows[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(
      rowFingerprint(registerDefs.investigation_rounds, { findingsCount: 0, scope: 'routine', heldOn: '2024-03-05' }),
    ).toBe(a.validRows[0]!.fingerprint);
    expect(
      rowFingerprint(registerDefs.investigation_rounds, { findingsCount: 1, scope: 'routine', heldOn: '2024-03-05' }),
    ).not.toBe(a.validRows[0]!.fingerprint);
    expect(rowFingerprint(registerDefs.meetings, { heldOn: '2024-03-05' })).not.toBe(
      rowFingerprint(registerDefs.duty_logs, { dutyOn: '2024-03-05' }),
    );
  });
});
