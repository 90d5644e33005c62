import { registerDefs } from '@tally/db/registers';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseXlsxRows, plainCellValue, previewImport, readZipDirectory, type SheetRow } from '@tally/imports';
import { makeZip, workbookParts } from '../../../../imports/test/support/make-zip.ts';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

async function rows(bytes: Uint8Array): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of parseXlsxRows(bytes)) out.push(r);
  return out;
}

describe('zip guard', () => {
  it('refuses a compression bomb before inflating it', async () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    await expect(
      previewImport({ now: TEST_NOW, bytes: bomb, fileName: 'bomb.xlsx', register: registerDefs.meetings }),
    ).rejects.toMatchObject({
      code: 'zip_bomb',
      zh: expect.stringContaining('压缩比'),
    });
  });

  it('refuses a total uncompressed size over the limit', async () => {
    const zip = makeZip([
      { name: 'a.xml', data: Buffer.from('x'.repeat(600)) },
      { name: 'b.xml', data: Buffer.from('y'.repeat(600)) },
    ]);
    await expect(
      previewImport({
        now: TEST_NOW,
        bytes: zip,
        fileName: 'x.xlsx',
        register: registerDefs.meetings,
        limits: { maxUncompressedBytes: 1000 },
      }),
    ).rejects.toMatchObject({
      code: 'zip_bomb',
      en: expect.stringContaining('limit 1000 B'),
    });
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const liar = makeZip([
      ...workbookParts(Buffer.alloc(0)).slice(0, 3),
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(3 * 1024 * 1024), declaredSize: 1000 },
    ]);
    await expect(
      previewImport({ now: TEST_NOW, bytes: liar, fileName: 'x.xlsx', register: registerDefs.meetings }),
    ).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('refuses too many entries', async () => {
    const zip = makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('<a/>') })));
    expect(readZipDirectory(zip)).toHaveLength(5);
    await expect(
      previewImport({
        now: TEST_NOW,
        bytes: zip,
        fileName: 'x.xlsx',
        register: registerDefs.meetings,
        limits: { maxZipEntries: 4 },
      }),
    ).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('refuses a truncated .xlsx with a clear message', async () => {
    const whole = readFileSync(new URL('../../../../imports/test/fixtures/meetings.xlsx', import.meta.url));
    for (const keep of [0.3, 0.6, 0.95, 0.999]) {
      const cut = whole.subarray(0, Math.floor(whole.length * keep));
      await expect(
        previewImport({ now: TEST_NOW, bytes: cut, fileName: 'meetings.xlsx', register: registerDefs.meetings }),
      ).rejects.toMatchObject({
        code: 'truncated',
        zh: '.xlsx 文件不完整（可能上传中断或文件已损坏），请重新保存后再上传',
      });
    }
  });

  it('refuses non-zip bytes given to the xlsx reader', async () => {
    await expect(rows(Buffer.from('日期,类型\n'))).rejects.toMatchObject({ code: 'not_zip' });
  });
});

describe('xlsx cells', () => {
  it('reads rich text as text, dates as YYYY-MM-DD and formulas as cached results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台帐');
    ws.addRow(['日期', '类型', '发现问题数', '备注']);
    ws.addRow([
      new Date(Date.UTC(2024, 2, 5)),
      { richText: [{ text: '常' }, { text: '规', font: { bold: true } }] },
      { formula: 'SUM(1,1)', result: 2 },
      { formula: '"a"&"b"', result: 'ab' },
    ]);
    ws.addRow([]);
    ws.addRow(['2024年3月7日', '专项', 0, null]);
    wb.addWorksheet('第二页').addRow(['不读']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await rows(bytes)).toEqual([
      { row: 1, cells: ['日期', '类型', '发现问题数', '备注'] },
      { row: 2, cells: ['2024-03-05', '常规', 2, 'ab'] },
      { row: 4, cells: ['2024年3月7日', '专项', 0] },
    ]);
    const r = await previewImport({
      now: TEST_NOW,
      bytes,
      fileName: 't.xlsx',
      register: registerDefs.investigation_rounds,
    });
    expect(r.errors).toEqual([]);
    expect(r.validRows.map((v) => v.values.findingsCount)).toEqual([2, 0]);
  });

  it('normalises every exceljs value shape', () => {
    expect(plainCellValue({ formula: 'A1', result: { error: '#N/A' } })).toBe('#N/A');
    expect(plainCellValue({ formula: 'A1' })).toBeNull();
    expect(plainCellValue({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(plainCellValue(new Date(Date.UTC(2024, 2, 5, 8, 30)))).toBe('2024-03-05 08:30');
  });
});
