import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeStream, detectEncoding, DETECT_PREFIX_BYTES } from '../src/index.ts';

const TEXT = '日期,标题\n2024-03-05,罕见字𠀀㐀测试\n';
// GB18030 bytes written by hand from the standard's tables, so the test does not trust
// the decoder it tests: 日期 = C8D5 C6DA, 𠀀 = 95 32 82 36, 㐀 = 81 39 EE 39.
const GB = Buffer.concat([
  Buffer.from([0xc8, 0xd5, 0xc6, 0xda]),
  Buffer.from(',x\n', 'ascii'),
  Buffer.from([0x95, 0x32, 0x82, 0x36, 0x81, 0x39, 0xee, 0x39]),
  Buffer.from('\n', 'ascii'),
]);

async function collect(chunks: Uint8Array[]): Promise<string> {
  async function* gen() {
    yield* chunks;
  }
  let out = '';
  for await (const s of decodeStream(gen())) out += s;
  return out;
}

describe('decode', () => {
  it('strips a UTF-8 BOM', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
    expect(r).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 without BOM', () => {
    expect(decodeBytes(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('falls back to GB18030 and keeps 4-byte sequences', () => {
    expect(decodeBytes(GB)).toEqual({ text: '日期,x\n𠀀㐀\n', encoding: 'gb18030' });
  });

  it('does not blame UTF-8 for a character cut at the 64 KiB prefix end', () => {
    const bytes = Buffer.concat([Buffer.alloc(DETECT_PREFIX_BYTES - 1, 0x61), Buffer.from('日')]);
    expect(detectEncoding(bytes).encoding).toBe('utf-8');
    // …but a whole file that ends mid-character is not UTF-8.
    expect(detectEncoding(Buffer.from('日').subarray(0, 2), true).encoding).toBe('gb18030');
  });

  it('survives a chunk split at every byte offset (UTF-8 and GB18030)', async () => {
    for (const [bytes, expected] of [
      [Buffer.from(TEXT), TEXT],
      [GB, '日期,x\n𠀀㐀\n'],
    ] as const) {
      for (let cut = 0; cut <= bytes.length; cut++) {
        expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(expected);
      }
      // one byte per chunk
      expect(await collect([...bytes].map((b) => Uint8Array.of(b)))).toBe(expected);
    }
  });

  it('detects from the prefix in a stream larger than 64 KiB and splits after it', async () => {
    const big = Buffer.from('甲'.repeat(40_000)); // 120,000 bytes UTF-8
    for (const cut of [DETECT_PREFIX_BYTES - 1, DETECT_PREFIX_BYTES, DETECT_PREFIX_BYTES + 1, 70_001]) {
      expect(await collect([big.subarray(0, cut), big.subarray(cut)])).toBe('甲'.repeat(40_000));
    }
  });
});
