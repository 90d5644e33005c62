/**
 * Phone numbers as citizens give them at the desk or in a ledger: one rule for the intake
 * form, the register forms and every import (docs/domain.md §2, §3).
 *
 * A mobile is 11 digits starting 13–19, optionally written with +86/86 in front. A landline
 * needs its area code (010, 02x or 0 and three digits, then 7–8 digits, an optional extension): without
 * it a number is ambiguous across the county's exchanges, so it is refused.
 */

const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
// Area codes: 010 and 02x for the largest cities, 0 and three digits elsewhere (0311 …).
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{7,8})(?:-(\d{1,6}))?$/;

/**
 * The number in one stored form ('13812345678', '0311-12345678', '0311-1234567-12'), or
 * null when it is neither a mobile nor a landline with area code. Spaces, brackets,
 * full-width digits and long dashes are forgiven.
 */
export function normalizePhone(input: string): string | null {
  const s = input
    .normalize('NFKC')
    .replace(/[\s()]/g, '')
    .replace(/[—–]/g, '-');
  const mobile = MOBILE.exec(s.replace(/-/g, ''));
  if (mobile) return mobile[1]!;
  const land = LANDLINE.exec(s);
  if (land) return `${land[1]}-${land[2]}${land[3] ? `-${land[3]}` : ''}`;
  return null;
}
