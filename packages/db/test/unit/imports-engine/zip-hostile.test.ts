import { registerDefs } from '@tally/db/registers';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseXlsxRows, previewImport, type ImportLimits, type SheetRow } from '@tally/imports';
import { makeZip, sheetXml, workbookParts, type ZipPart } from '../../../../imports/test/support/make-zip.ts';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

/*
 * Security review, issue 8 item 1: what the zip guard checks must be exactly what the
 * .xlsx parser reads. Entries are read through the central directory only; a file whose
 * local headers and directory disagree is refused; inflation is capped in the stream.
 */
async function rows(bytes: Uint8Array, limits?: Partial<ImportLimits>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of parseXlsxRows(bytes, limits)) out.push(r);
  return out;
}

const HEADER = ['会议日期', '会议类型', '议题', '主持人', '参会人员'];
const line = (i: number) => [`2024-03-0${i}`, '主任例会', `议题${i}`, '王建国', '王建国、李明'];
const listedSheet = sheetXml([HEADER, line(1)]);
const hiddenSheet = sheetXml([HEADER, ...[1, 2, 3, 4, 5, 6, 7].map(line)]);

/** A sheet entry written as a local header only, placed first, then the honest workbook. */
function withHiddenFirst(hidden: ZipPart): Buffer {
  return makeZip([hidden, ...workbookParts(listedSheet)]);
}

describe('entries the central directory does not list', () => {
  it('the honest workbook reads its one data row', async () => {
    expect((await rows(makeZip(workbookParts(listedSheet)))).map((r) => r.row)).toEqual([1, 2]);
  });

  it('refuses a workbook with a hidden sheet entry (7 rows) in front of the listed one (1 row)', async () => {
    const bytes = withHiddenFirst({ name: 'xl/worksheets/sheet1.xml', data: hiddenSheet, hidden: true });
    await expect(rows(bytes)).rejects.toMatchObject({ code: 'zip_mismatch', zh: expect.stringContaining('不一致') });
    await expect(
      previewImport({ now: TEST_NOW, bytes, fileName: 'm.xlsx', register: registerDefs.meetings }),
    ).rejects.toMatchObject({ code: 'zip_mismatch' });
  });

  it('refuses, without inflating it, a 50 MB bomb hidden as a local entry', async () => {
    const bomb: ZipPart = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024), hidden: true };
    const bytes = withHiddenFirst(bomb);
    expect(bytes.length).toBeLessThan(100_000);
    await expect(rows(bytes)).rejects.toMatchObject({ code: 'zip_mismatch' });
  });

  it('refuses two directory records that point at the same local entry', async () => {
    const parts = [...workbookParts(listedSheet), { name: 'xl/worksheets/sheet2.xml', data: hiddenSheet }];
    // The second sheet's record points at the first sheet's local header: one entry read twice under two names.
    const bytes = makeZip(parts, { centralOffsets: (offsets) => offsets.map((o, i) => (i === 4 ? offsets[3]! : o)) });
    await expect(rows(bytes)).rejects.toMatchObject({ code: 'zip_mismatch' });
  });

  it('refuses an entry whose local name differs from the directory name', async () => {
    const parts = workbookParts(listedSheet);
    parts[3] = { ...parts[3]!, localName: 'xl/worksheets/sheet9.xml' };
    await expect(rows(makeZip(parts))).rejects.toMatchObject({ code: 'zip_mismatch' });
  });

  it('reads entries written with data descriptors (streaming zip writers)', async () => {
    const parts = workbookParts(listedSheet).map((part) => ({ ...part, descriptor: true }));
    expect((await rows(makeZip(parts))).map((r) => r.cells[2])).toEqual(['议题', '议题1']);
  });
});

describe('inflated bytes are capped inside the inflating stream', () => {
  it('stops a listed sheet that inflates past its declared size (50 MB of zeros declared as 2,000 bytes)', async () => {
    const parts = workbookParts(listedSheet);
    parts[3] = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024), declaredSize: 2_000 };
    await expect(rows(makeZip(parts))).rejects.toMatchObject({
      code: 'zip_bomb',
      zh: expect.stringContaining('超过声明'),
    });
  });

  it('refuses an entry over the per-entry cap, naming the cap', async () => {
    // Incompressible text, so no ratio rule applies: only the per-entry cap does.
    const big = sheetXml([
      HEADER,
      ...Array.from({ length: 200 }, () => ['2024-03-05', '主任例会', randomBytes(600).toString('hex'), '王', '王']),
    ]);
    const bytes = makeZip(workbookParts(big));
    expect((await rows(bytes)).length).toBe(201);
    await expect(rows(bytes, { maxEntryBytes: 100 * 1024 })).rejects.toMatchObject({
      code: 'zip_bomb',
      en: expect.stringContaining('100 KiB'),
    });
  });

  it('caps the total inflated across the entries read', async () => {
    const big = sheetXml([
      HEADER,
      ...Array.from({ length: 100 }, () => ['2024-03-05', '主任例会', randomBytes(600).toString('hex'), '王', '王']),
    ]);
    const bytes = makeZip(workbookParts(big));
    await expect(rows(bytes, { maxUncompressedBytes: 100 * 1024 })).rejects.toMatchObject({ code: 'zip_bomb' });
  });
});

describe('zips that are not workbooks', () => {
  it('refuses a valid zip without xl/workbook.xml, saying it is not an Excel workbook', async () => {
    const bytes = makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    await expect(
      previewImport({ now: TEST_NOW, bytes, fileName: 'x.xlsx', register: registerDefs.meetings }),
    ).rejects.toMatchObject({
      code: 'not_workbook',
      zh: expect.stringContaining('不是 Excel 工作簿'),
    });
  });
});
