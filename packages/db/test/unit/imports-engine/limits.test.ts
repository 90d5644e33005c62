import { registerDefs } from '@tally/db/registers';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCsvRows, parseXlsxRows, previewImport, type ImportLimits } from '@tally/imports';
import { makeZip, sheetXml, workbookParts } from '../../../../imports/test/support/make-zip.ts';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

/*
 * Security review, issue 8 item 2: columns, cells per row and line length are limited
 * while parsing, and each refusal names the limit in both languages.
 */
const preview = (text: string | Buffer, limits?: Partial<ImportLimits>) =>
  previewImport({
    now: TEST_NOW,
    bytes: typeof text === 'string' ? Buffer.from(text) : text,
    fileName: 'x.csv',
    register: registerDefs.meetings,
    limits,
  });

const HEADER = '会议日期,会议类型,议题,主持人,参会人员';
const ROW = '2024-03-05,主任例会,议题,王建国,王建国、李明';

describe('columns', () => {
  it('refuses a header with more than 200 columns, naming the limit', async () => {
    const header = `${HEADER},${Array.from({ length: 196 }, (_, i) => `备注${i}`).join(',')}`;
    await expect(preview(`${header}\n${ROW}\n`)).rejects.toMatchObject({
      code: 'too_many_columns',
      zh: '第 1 行有 201 列，超过上限 200 列；请删除多余的列后再导入',
      en: expect.stringContaining('limit of 200'),
    });
  });

  it('accepts exactly 200 columns, and trailing empty cells are not columns', async () => {
    const header = `${HEADER},${Array.from({ length: 195 }, (_, i) => `备注${i}`).join(',')}`;
    const r = await preview(`${header}\n${ROW}${','.repeat(400)}\n`);
    expect(r.headers).toHaveLength(200);
    expect(r.validRows).toHaveLength(1);
  });

  it('refuses a data row with more than 200 cells, naming the row', async () => {
    await expect(preview(`${HEADER}\n${ROW}\n${ROW},${'x,'.repeat(200)}x\n`)).rejects.toMatchObject({
      code: 'too_many_columns',
      zh: expect.stringMatching(/^第 3 行有 \d+ 列/),
    });
  });

  it('refuses a header of 1,000,000 columns without building it', async () => {
    const header = Buffer.from(`${'a,'.repeat(1_000_000)}a\n${ROW}\n`);
    const error = await preview(header).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'line_too_long', zh: expect.stringContaining('256 KiB') });
  });

  it('refuses an .xlsx row with more than 200 non-empty cells', async () => {
    const cells = Array.from({ length: 201 }, (_, i) => `列${i}`);
    const bytes = makeZip(workbookParts(sheetXml([cells])));
    const read = async () => {
      for await (const _ of parseXlsxRows(bytes)) void _;
    };
    await expect(read()).rejects.toMatchObject({
      code: 'too_many_columns',
      en: 'Row 1 has 201 columns, more than the limit of 200; delete the extra columns and import again',
    });
  });
});

describe('line length', () => {
  it('refuses a line longer than the limit as it streams in, naming line and limit', async () => {
    const long = `${HEADER}\n${ROW}\n2024-03-05,主任例会,${'长'.repeat(100_000)},王建国,王建国\n`;
    await expect(preview(long)).rejects.toMatchObject({
      code: 'line_too_long',
      zh: '文件第 3 行超过长度上限 256 KiB（可能缺少换行，或某个引号没有闭合），请检查后再导入',
    });
  });

  it('refuses a quote left open over many short lines', async () => {
    const open = `${HEADER}\n2024-03-05,主任例会,"没有闭合的引号\n${'一行短文字\n'.repeat(60_000)}`;
    await expect(preview(open)).rejects.toMatchObject({ code: 'line_too_long' });
  });

  it('counts line length across chunks', async () => {
    async function* chunks() {
      yield Buffer.from(`${HEADER}\n`);
      for (let i = 0; i < 10; i++) yield Buffer.from('x'.repeat(1000));
    }
    const consume = async () => {
      for await (const _ of parseCsvRows(chunks(), { maxLineBytes: 5000 })) void _;
    };
    await expect(consume()).rejects.toMatchObject({
      code: 'line_too_long',
      en: expect.stringContaining('Line 2 of the file'),
    });
  });
});

describe('files that are not text', () => {
  it('refuses random bytes named .csv', async () => {
    await expect(preview(randomBytes(4096))).rejects.toMatchObject({
      code: 'not_text',
      zh: expect.stringContaining('不是文本格式的 CSV'),
    });
  });

  it('refuses an old .xls (OLE2) file', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    await expect(preview(xls)).rejects.toMatchObject({ code: 'old_excel', zh: expect.stringContaining('.xls') });
  });

  it('reads UTF-16 text with a BOM (Excel\'s "Unicode 文本"), refuses it without one', async () => {
    await expect(preview(Buffer.from(`\ufeff${HEADER}\n${ROW}\n`, 'utf16le'))).resolves.toMatchObject({ totalRows: 1 });
    await expect(preview(Buffer.from(`${HEADER}\n${ROW}\n`, 'utf16le'))).rejects.toMatchObject({ code: 'not_text' });
  });
});

describe('the size and row limits agree (the import page promises both)', () => {
  it('the row limit of a petition ledger with full-width rows fits in the byte limit, in UTF-8', async () => {
    const { DEFAULT_LIMITS } = await import('@tally/imports');
    // A wide, realistic row: an address and a 60-character summary, every optional column filled.
    const row =
      '2025-03-05,领导接访日,欧阳建国,130534198001011235,13812345678,河北省某市某县某镇某村第三村民小组十八号,12,是,否,山林矿山滩涂权属,' +
      '反映本村与邻村之间山林权属争议多年未决，要求镇政府组织双方重新勘界并依法出具处理意见，涉及林地约二百亩';
    const header = '登记日期,信访方式,信访人,身份证号,联系电话,住址,人数,是否越级,是否重复访,问题类别,主要诉求';
    const bytes = Buffer.byteLength(`${header}\r\n`) + DEFAULT_LIMITS.maxRows * Buffer.byteLength(`${row}\r\n`);
    expect(bytes).toBeLessThan(DEFAULT_LIMITS.maxBytes);
  });
});
