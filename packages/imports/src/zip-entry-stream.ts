/**
 * One zip entry's content as a stream, read at the offset its central-directory record
 * gives (zip-guard.ts checked that record against the local header) and inflated under
 * caps counted inside the stream: the entry's declared size, maxEntryBytes, and what is
 * left of maxUncompressedBytes for the whole file. The moment a cap is passed the
 * inflater is destroyed and the stream fails with an ImportError; nothing is inflated
 * "to see how big it is". The CRC is checked at the end, so a damaged entry is refused
 * rather than half-read.
 *
 * Inflation is zlib's streaming inflater: it works in the thread pool, 64 KiB at a
 * time, as fast as the reader consumes it, so memory holds a chunk, not the entry.
 */
import { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import { ImportError } from './errors.ts';
import { formatBytes, type ImportLimits } from './limits.ts';
import { bomb, truncated, type CheckedZipEntry } from './zip-guard.ts';

const CHUNK = 64 * 1024;

/** What is left of the whole file's inflation allowance; shared by every entry read from one file. */
export interface InflateBudget {
  remaining: number;
}

export function inflateBudget(limits: ImportLimits): InflateBudget {
  return { remaining: limits.maxUncompressedBytes };
}

function overDeclared(entry: CheckedZipEntry): ImportError {
  return bomb({ zh: `条目“${entry.name}”实际大小超过声明`, en: `entry "${entry.name}" is larger than it declares` });
}

function overEntryCap(entry: CheckedZipEntry, limits: ImportLimits): ImportError {
  return bomb({
    zh: `条目“${entry.name}”解压后超过单个条目上限 ${formatBytes(limits.maxEntryBytes)}`,
    en: `entry "${entry.name}" inflates past the limit of ${formatBytes(limits.maxEntryBytes)} per entry`,
  });
}

function overTotal(limits: ImportLimits): ImportError {
  return bomb({
    zh: `解压后超过上限 ${formatBytes(limits.maxUncompressedBytes)}`,
    en: `more than ${formatBytes(limits.maxUncompressedBytes)} uncompressed`,
  });
}

async function* entryChunks(
  bytes: Uint8Array,
  entry: CheckedZipEntry,
  limits: ImportLimits,
  budget: InflateBudget,
): AsyncGenerator<Buffer> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  let produced = 0;
  let crc = 0;
  // Every chunk passes here before anyone sees it: the caps hold whatever the headers claimed.
  const count = (chunk: Buffer) => {
    produced += chunk.length;
    budget.remaining -= chunk.length;
    if (produced > entry.uncompressedSize) throw overDeclared(entry);
    if (produced > limits.maxEntryBytes) throw overEntryCap(entry, limits);
    if (budget.remaining < 0) throw overTotal(limits);
    crc = crc32(chunk, crc);
  };

  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) {
      const chunk = data.subarray(at, at + CHUNK);
      count(chunk);
      yield chunk;
    }
  } else {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        count(chunk);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw truncated(); // zlib: invalid or cut-off deflate data
    } finally {
      inflate.destroy();
    }
  }
  if (produced !== entry.uncompressedSize || crc !== entry.crc32) throw truncated();
}

/**
 * The entry's uncompressed XML, as a Readable of text for the XML readers. Decoded as a
 * stream (`encoding`): exceljs's SAX parser turns each Buffer chunk into a string by itself,
 * and an inflate chunk may end inside a Chinese character, which then became three U+FFFD.
 */
export function entryStream(
  bytes: Uint8Array,
  entry: CheckedZipEntry,
  limits: ImportLimits,
  budget: InflateBudget,
): Readable {
  return Readable.from(entryChunks(bytes, entry, limits, budget), { objectMode: false, encoding: 'utf8' });
}
