import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chinesePeriod, reportDocument } from '../../app/.server/reports/report-document.ts';
import { reportDocx } from '../../app/.server/reports/report-docx.ts';

const narrative = { work: '开展排查两次。\n调处纠纷一件。', problems: '', plans: '十月开展培训。' };

describe('a report as an official paper', () => {
  it('has the title, the addressee, three numbered parts and the Shanghai filing date', () => {
    // Filed 2026-10-07T16:30Z: already Oct 8 in Shanghai.
    const doc = reportDocument({
      unitName: '柳营村',
      parentName: '城关镇',
      kind: 'monthly',
      periodKey: '2026-09',
      narrative,
      zero: false,
      filedAt: new Date('2026-10-07T16:30:00Z'),
      now: new Date(),
    });
    expect(doc.title).toBe('柳营村2026年9月月报');
    expect(doc.addressee).toBe('城关镇：');
    expect(doc.sections).toEqual([
      { heading: '一、工作开展情况', paragraphs: ['开展排查两次。', '调处纠纷一件。'] },
      { heading: '二、存在问题', paragraphs: ['无。'] },
      { heading: '三、下步打算', paragraphs: ['十月开展培训。'] },
    ]);
    expect(doc.dateLine).toBe('2026年10月8日');
    expect(chinesePeriod('2026-Q3')).toBe('2026年第三季度');
    expect(chinesePeriod('2026-02-H2')).toBe('2026年2月下半月');
  });

  it('a zero report says so in one paragraph; an unknown addressee is left out', () => {
    const doc = reportDocument({
      unitName: '柳营村',
      parentName: null,
      kind: 'monthly',
      periodKey: '2026-09',
      narrative,
      zero: true,
      filedAt: null,
      now: new Date('2026-10-01T00:00:00Z'),
    });
    expect(doc.addressee).toBeNull();
    expect(doc.sections).toEqual([{ heading: '', paragraphs: ['本单位2026年9月无需报告的情况，特此零报告。'] }]);
  });

  it('writes a .docx on A4 holding the whole paper', async () => {
    const doc = reportDocument({
      unitName: '柳营村',
      parentName: '城关镇',
      kind: 'monthly',
      periodKey: '2026-09',
      narrative,
      zero: false,
      filedAt: new Date('2026-10-08T01:00:00Z'),
      now: new Date(),
    });
    const zip = await JSZip.loadAsync(await reportDocx(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const text of [
      '柳营村2026年9月月报',
      '城关镇：',
      '一、工作开展情况',
      '调处纠纷一件。',
      '三、下步打算',
      '2026年10月8日',
    ])
      expect(xml).toContain(text);
    // A4 in twips (210 × 297 mm).
    expect(xml).toMatch(/w:pgSz w:w="11907" w:h="16840"/);
  });
});
