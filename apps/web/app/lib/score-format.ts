/** A stored score ("88.50", "90.00") as people write it: 88.5, 90. Text in, text out: no float. */
export function formatScore(stored: string): string {
  return stored.includes('.') ? stored.replace(/\.?0+$/, '') : stored;
}
