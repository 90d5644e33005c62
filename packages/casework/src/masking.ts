/**
 * Masking of petitioners' personal data for everyone outside the handling unit (docs/domain.md §8).
 * Masks keep just enough to tell records apart on screen, never enough to identify a person.
 * Each masked character becomes one '*', so the shape (and length) stays familiar.
 */

const STAR = '*';

/**
 * Keeps the 6-digit area code and the last 4 characters, masks the birth date and the
 * rest: '110101199003071234' → '110101********1234'. Anything too short to keep both ends
 * is masked entirely except its last 4 characters (or entirely if ≤ 4 long).
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 4) return STAR.repeat(s.length);
  if (s.length <= 10) return STAR.repeat(s.length - 4) + s.slice(-4);
  return s.slice(0, 6) + STAR.repeat(s.length - 10) + s.slice(-4);
}

/**
 * Keeps the first character (normally the surname) and masks every other one:
 * '张三丰' → '张**', '李四' → '李*'. Compound surnames are not guessed ('欧阳娜娜' → '欧***'),
 * which only hides more. A one-character name is fully masked, since keeping it would
 * reveal the whole name. Counts characters, not UTF-16 units (rare 生僻字 are surrogate pairs).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return STAR.repeat(chars.length);
  return chars[0] + STAR.repeat(chars.length - 1);
}

/**
 * Mobile numbers keep the first 3 and last 4 digits: '13812345678' → '138****5678'
 * (spaces, dashes and a +86 prefix are dropped first). Any other number (landlines with
 * an area code, extensions) keeps only its last 4 digits; separators stay as typed.
 */
export function maskPhone(phone: string): string {
  const compact = phone
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(compact)) return `${compact.slice(0, 3)}****${compact.slice(-4)}`;
  const digits = phone.trim().replace(/\D/g, '').length;
  let seen = 0;
  return phone.trim().replace(/\d/g, (d) => (++seen > digits - 4 ? d : STAR));
}

/** Suffixes of township-level names: 街道 (street office), 镇, 乡, 苏木 (Inner Mongolia). */
const TOWNSHIP_SUFFIX = /街道|镇|乡|苏木/;

/**
 * Keeps the address up to and including the township-level name and masks the rest
 * (village, street, house number): '河北省邢台市广宗县冯家寨乡北固献村12号' →
 * '河北省邢台市广宗县冯家寨乡' + '*' × 7. The earliest match wins, so a county name that
 * contains 乡/镇 (乡宁县, 镇平县) cuts earlier and hides more, never less. When no
 * township name appears within the first `maxKeep` characters, only the first
 * `fallbackKeep` characters (about province + city) are kept.
 */
export function maskAddress(address: string, options: { fallbackKeep?: number; maxKeep?: number } = {}): string {
  const { fallbackKeep = 6, maxKeep = 20 } = options;
  const chars = Array.from(address.trim());
  const text = chars.join('');
  const m = TOWNSHIP_SUFFIX.exec(text);
  let keep = fallbackKeep;
  if (m) {
    const end = Array.from(text.slice(0, m.index + m[0].length)).length;
    if (end <= maxKeep) keep = end;
  }
  // Always hide something: an address that is only a prefix still loses its last part.
  keep = Math.min(keep, Math.max(chars.length - 1, 0));
  return chars.slice(0, keep).join('') + STAR.repeat(chars.length - keep);
}
