/**
 * A minimal zip writer for tests: enough to craft hostile archives (lying sizes, entries
 * the central directory does not list, names that differ, data descriptors) without
 * committing binary fixtures.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Uncompressed size written in the headers (the truth by default). */
  declaredSize?: number;
  /** Written as a local entry only: no central-directory record (what a guard reading the directory never sees). */
  hidden?: boolean;
  /** Name written in the local header when it should differ from the directory's. */
  localName?: string;
  /** Sizes and CRC after the data (general purpose flag bit 3), as streaming zip writers do. */
  descriptor?: boolean;
  /** 0 = stored, 8 = deflate (default). */
  method?: 0 | 8;
}

export function makeZip(parts: ZipPart[], options: { centralOffsets?: (offsets: number[]) => number[] } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  const listed: { part: ZipPart; packed: Buffer; crc: number }[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const packed = method === 8 ? deflateRawSync(part.data) : part.data;
    const crc = crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const name = Buffer.from(part.localName ?? part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.descriptor ? 0x0808 : 0x0800, 6);
    local.writeUInt16LE(method, 8);
    if (!part.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const pieces = [local, name, packed];
    if (part.descriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(packed.length, 8);
      descriptor.writeUInt32LE(size, 12);
      pieces.push(descriptor);
    }
    locals.push(...pieces);
    if (!part.hidden) {
      offsets.push(offset);
      listed.push({ part, packed, crc });
    }
    offset += pieces.reduce((n, b) => n + b.length, 0);
  }
  const centralOffsets = options.centralOffsets ? options.centralOffsets(offsets) : offsets;
  listed.forEach(({ part, packed, crc }, i) => {
    const name = Buffer.from(part.name);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.descriptor ? 0x0808 : 0x0800, 8);
    central.writeUInt16LE(part.method ?? 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(part.declaredSize ?? part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(centralOffsets[i]!, 42);
    centrals.push(central, name);
  });
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(listed.length, 8);
  eocd.writeUInt16LE(listed.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A worksheet part with inline strings (no sharedStrings.xml needed). */
export function sheetXml(rows: string[][]): Buffer {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((text, c) => `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`,
  );
}

/** The parts of a one-sheet workbook around `sheet` (the worksheet's XML). */
export function workbookParts(sheet: Buffer): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="台帐" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
}
