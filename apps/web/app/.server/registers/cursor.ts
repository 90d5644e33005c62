/**
 * Keyset pagination: a page is "rows after (date, id)" in list order, so page 5,000 of
 * a 100,000-row county costs the same as page 1. The cursor is opaque to the client
 * but plain text, and parsed strictly: anything else is refused, never interpolated.
 */
export interface Cursor {
  direction: 'after' | 'before';
  date: string;
  id: string;
}

const PATTERN = /^(after|before)\.(\d{4}-\d{2}-\d{2})\.([0-9a-f-]{36})$/;

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.direction}.${cursor.date}.${cursor.id}`;
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const match = PATTERN.exec(text);
  if (!match) return null;
  return { direction: match[1] as Cursor['direction'], date: match[2]!, id: match[3]! };
}
