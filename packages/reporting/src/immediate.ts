/**
 * 第一时间报告: a major event must reach the level above within one hour of being known
 * (docs/domain.md §5). Timeliness is measured between two instants, so no zone enters into it.
 */
export const IMMEDIATE_LIMIT_MINUTES = 60;

export const IMMEDIATE_EVENT_KINDS = [
  'mass_incident',
  'major_accident',
  'criminal_case',
  'public_security',
  'other',
] as const;
export type ImmediateEventKind = (typeof IMMEDIATE_EVENT_KINDS)[number];

export const IMMEDIATE_EVENT_LABELS: Readonly<Record<ImmediateEventKind, { zh: string; en: string }>> = {
  mass_incident: { zh: '群体性事件', en: 'Mass incident' },
  major_accident: { zh: '重大事故', en: 'Major accident' },
  criminal_case: { zh: '重大刑事案件', en: 'Major criminal case' },
  public_security: { zh: '重大治安事件', en: 'Major public-security event' },
  other: { zh: '其他重大情况', en: 'Other major event' },
};

export interface ImmediateTimeliness {
  /** Whole minutes from being known to being reported (rounded down). */
  minutes: number;
  withinLimit: boolean;
}

/**
 * Within the hour when reported no more than 60 minutes after it was known: 60:00 is in time,
 * 60:01 is late. Throws when the event is said to be known after it was reported (a caller
 * must refuse that input first).
 */
export function immediateTimeliness(knownAt: Date, reportedAt: Date): ImmediateTimeliness {
  const elapsed = reportedAt.getTime() - knownAt.getTime();
  if (Number.isNaN(elapsed)) throw new RangeError('invalid Date');
  if (elapsed < 0) throw new RangeError('known after reported');
  return { minutes: Math.floor(elapsed / 60_000), withinLimit: elapsed <= IMMEDIATE_LIMIT_MINUTES * 60_000 };
}

export function isImmediateEventKind(value: string): value is ImmediateEventKind {
  return (IMMEDIATE_EVENT_KINDS as readonly string[]).includes(value);
}
