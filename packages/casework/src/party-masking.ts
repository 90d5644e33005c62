/**
 * Masking of free-text party lists (当事人) in dispute and mediation registers (docs/domain.md §8).
 * Villages type parties as prose ("申请人：张三，男，身份证号…；被申请人：李四…"), so names
 * cannot be picked out reliably. Instead each party entry keeps its role label and the first
 * character after it (normally the surname) and every other character becomes '*': ID
 * numbers, phones and addresses inside the entry disappear with the rest. This hides more
 * than the per-field masks of petition cases, never less.
 */
import { maskName } from './masking.ts';

/** Party entries are separated by line breaks, semicolons or 、 (two parties named in one line). */
const ENTRY_SEPARATOR = /(\r?\n|[;；、])/;
/** A short role label before a colon: 申请人：, 甲方:, 被申请人（一）： */
const LABEL = /^(\s*[^:：\s]{1,10}[:：]\s*)/;

export function maskPartiesText(text: string): string {
  return text
    .split(ENTRY_SEPARATOR)
    .map((piece, index) => {
      // Odd indexes are the separators kept by the capturing split.
      if (index % 2 === 1) return piece;
      const label = LABEL.exec(piece)?.[1] ?? '';
      const rest = piece.slice(label.length);
      const trailing = /\s*$/.exec(rest)?.[0] ?? '';
      return label + maskName(rest) + trailing;
    })
    .join('');
}
