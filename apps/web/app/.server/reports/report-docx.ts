import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { ReportDocument } from './report-document.ts';

// 公文 conventions (GB/T 9704): title in 小标宋 二号 (22pt), body 仿宋 三号 (16pt), first-line indent of two characters.
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const BODY_SIZE = 32; // half-points: 16pt
const INDENT = 640; // twips: two 16pt characters
const MM = 56.7; // twips per millimetre

const body = (
  text: string,
  options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    alignment: options.align,
    indent: options.indent === false ? undefined : { firstLine: INDENT },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
  });

/** The report as a Word document on A4 with the official margins, ready to print and seal. */
export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: doc.title, font: TITLE_FONT, size: 44 })],
    }),
    ...(doc.addressee ? [body(doc.addressee, { indent: false })] : []),
  ];
  for (const section of doc.sections) {
    if (section.heading) {
      children.push(
        new Paragraph({
          indent: { firstLine: INDENT },
          spacing: { line: 560, lineRule: 'exact' },
          children: [new TextRun({ text: section.heading, font: HEADING_FONT, size: BODY_SIZE })],
        }),
      );
    }
    for (const text of section.paragraphs) children.push(body(text));
  }
  // Room for the seal above the unit's name and the date, right-aligned as on a printed paper.
  children.push(body('', { indent: false }), body('', { indent: false }), body('', { indent: false }));
  children.push(body(doc.unitName, { indent: false, align: AlignmentType.RIGHT }));
  children.push(body(doc.dateLine, { indent: false, align: AlignmentType.RIGHT }));
  const document = new Document({
    creator: 'Tally',
    title: doc.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
