/**
 * Bytes → string for villages' CSV files.
 *
 * Excel on Chinese Windows writes CSV in GBK (code page 936); newer tools write UTF-8,
 * with or without a BOM. The encoding is decided once, from a prefix, by this rule:
 *
 *   1. starts with EF BB BF (UTF-8 BOM)          → UTF-8, BOM stripped;
 *      starts with FF FE / FE FF (UTF-16 BOM)    → UTF-16 LE / BE, BOM stripped: Excel's
 *      "Unicode 文本" (and Calc's "Unicode text") is UTF-16LE with a BOM, tab-separated;
 *   2. the first 64 KiB are valid UTF-8          → UTF-8;
 *      (a multibyte sequence cut by the 64 KiB boundary is not held against UTF-8:
 *      the decoder runs in stream mode, so an incomplete tail is left pending instead
 *      of being reported as invalid);
 *   3. otherwise                                 → GB18030.
 *
 * GB18030 is a superset of GBK and GB2312, so any GBK file decodes correctly with it.
 * We never use the label 'gbk': on Node 20 it loses GB18030's 4-byte sequences
 * (characters such as 𠀀 U+20000 or 㐀 U+3400), while 'gb18030' keeps them.
 *
 * Pure-ASCII prefixes are valid UTF-8; if Chinese bytes only appear after 64 KiB the
 * rule picks UTF-8 and the streaming decoder then reports the file as unreadable
 * (fatal mode) rather than silently producing mojibake.
 */

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How many bytes detection looks at. */
export const DETECT_PREFIX_BYTES = 64 * 1024;

const BOM = [0xef, 0xbb, 0xbf] as const;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** The UTF-16 byte order a BOM announces, if the bytes start with one. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Fatal where a wrong guess must not pass as text: UTF-8 (GB18030 is the lenient fallback, flagged later by the preview's U+FFFD warning). */
function isFatal(encoding: TextEncodingName): boolean {
  return encoding !== 'gb18030';
}

/**
 * Decide the encoding from the first bytes of a file. `complete` says the prefix is the
 * whole file, in which case an incomplete trailing sequence *is* invalid UTF-8.
 */
export function detectEncoding(prefix: Uint8Array, complete = false): { encoding: TextEncodingName; bom: boolean } {
  if (hasUtf8Bom(prefix)) return { encoding: 'utf-8', bom: true };
  const utf16 = utf16Bom(prefix);
  if (utf16) return { encoding: utf16, bom: true };
  const head = prefix.subarray(0, DETECT_PREFIX_BYTES);
  const isWhole = complete && head.length === prefix.length;
  try {
    // stream: true keeps a sequence cut at the prefix end pending instead of failing it.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !isWhole });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}

/** Decode a whole buffer with the detection rule above. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding } = detectEncoding(bytes, true);
  // ignoreBOM: false (the default) makes the UTF-8 decoder strip a leading BOM.
  const text = new TextDecoder(encoding, { fatal: isFatal(encoding) }).decode(bytes);
  return { text, encoding };
}

/**
 * Decode an async stream of chunks. Bytes are buffered until DETECT_PREFIX_BYTES are
 * available (or the stream ends), the encoding is chosen once, then each chunk is
 * decoded with `{ stream: true }` so a character split across two chunks (papaparse
 * #751) is completed by the next chunk instead of becoming U+FFFD.
 */
export async function* decodeStream(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding?: (encoding: TextEncodingName) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;

  // Choose the encoding from what has been buffered, then decode the buffer itself.
  const start = (complete: boolean): { decoder: TextDecoder; text: string } => {
    const prefix = concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    const { encoding } = detectEncoding(prefix, complete);
    onEncoding?.(encoding);
    const d = new TextDecoder(encoding, { fatal: isFatal(encoding) });
    return { decoder: d, text: d.decode(prefix, { stream: true }) };
  };

  for await (const chunk of chunks) {
    if (decoder) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
      continue;
    }
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength < DETECT_PREFIX_BYTES) continue;
    const started = start(false);
    decoder = started.decoder;
    if (started.text) yield started.text;
  }
  if (!decoder) {
    const started = start(true);
    decoder = started.decoder;
    if (started.text) yield started.text;
  }
  // Flush: a dangling incomplete sequence at end of file is reported here (UTF-8 is fatal).
  const tail = decoder.decode();
  if (tail) yield tail;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
