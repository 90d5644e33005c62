/**
 * Text normalisation shared by header matching, enum matching and date parsing.
 * NFKC folds full-width ASCII (０-９, Ａ-Ｚ, （）, ：) to half-width and the ideographic
 * space U+3000 to a normal space, which is what villages' sheets mix in.
 */
export function toHalfWidth(s: string): string {
  return s.normalize('NFKC');
}

/** Key for loose comparisons: half-width, lower case, no whitespace at all. */
export function looseKey(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/\s+/g, '');
}
