/**
 * Text Postgres cannot store or that is not text at all: a NUL byte (Postgres refuses it
 * with 22021, after the statement and its parameters have been built) and UTF-16 halves
 * without their pair (a lone surrogate, which the driver silently turns into U+FFFD).
 * Refused at the door with the field named, for every tRPC input and form alike.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const INVALID_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isCleanText(text: string): boolean {
  return !INVALID_TEXT.test(text);
}

const MAX_DEPTH = 10;

/** The path ('values.parties') of the first string or key in `value` that is not clean text, or null. */
export function findInvalidText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path.join('.') || '(input)';
  if (path.length >= MAX_DEPTH || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (!isCleanText(key)) return [...path, '(key)'].join('.');
    const found = findInvalidText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
