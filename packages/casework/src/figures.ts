/**
 * The petition figures offices publish (docs/domain.md §3): received items (letters, visits with
 * person-times), unique cases (纯件数), closed, closure rate = closed / unique, on-time
 * rate and satisfaction rate.
 *
 * Counting rules (the source names the figures, not every edge; these are our reading):
 * - An item is in the period when its receipt, as a Shanghai civil date, is in [from, to].
 * - Visits are 来访 plus 领导接访日 intakes (both are people coming in person);
 *   person-times are summed over visits only. Other channels appear only in byChannel.
 * - A unique case is a group of items linked by `duplicateOf` (chains followed to the
 *   first item, even if that item was received before the period).
 * - A unique case is closed when one of its items in the period has closedOn ≤ period end;
 *   its closing date is the earliest such closedOn, and that item's dueOn judges on-time.
 * - On-time rate = closed on or before due / closed cases that had a due date.
 * - Satisfaction rate = (满意 + 基本满意) / cases revisited, using each case's latest
 *   revisit result (the result on its most recently received item) —
 *   the usual reading of 满意率 in these reports.
 */
import { compareDates, shanghaiDate, type CivilDate } from './civil-date.ts';
import { CASE_CHANNELS, type Channel, type Satisfaction } from './case-vocabulary.ts';
import { rate, type Rate } from './rate.ts';

export interface PetitionRecord {
  id: string;
  /** ISO instant of receipt. */
  receivedAt: string;
  channel: Channel;
  /** Number of people on this item (visits: person-times). */
  personTimes: number;
  /** Id of an earlier item about the same matter; absent for a first item. */
  duplicateOf?: string | null;
  closedOn?: CivilDate | null;
  dueOn?: CivilDate | null;
  satisfaction?: Satisfaction | null;
}

/** Inclusive civil-date range. */
export interface Period {
  from: CivilDate;
  to: CivilDate;
}

export interface PetitionFigures {
  received: number;
  letters: number;
  visits: number;
  visitPersonTimes: number;
  byChannel: Record<Channel, number>;
  uniqueCases: number;
  closed: number;
  closureRate: Rate;
  onTimeRate: Rate;
  satisfactionRate: Rate;
}

const VISIT_CHANNELS: readonly Channel[] = ['visit', 'reception_day'];

/** Follows duplicateOf to the first item of the matter; a cycle stops at the smallest id seen. */
function rootOf(id: string, byId: ReadonlyMap<string, PetitionRecord>): string {
  const seen = new Set<string>();
  let cur = id;
  for (;;) {
    if (seen.has(cur)) return [...seen].sort()[0]!;
    seen.add(cur);
    const parent = byId.get(cur)?.duplicateOf;
    if (parent === undefined || parent === null || parent === '') return cur;
    cur = parent;
  }
}

interface Group {
  closedOn: CivilDate | null;
  dueOn: CivilDate | null;
  lastRevisitAt: string | null;
  satisfaction: Satisfaction | null;
}

export function petitionFigures(records: readonly PetitionRecord[], period: Period): PetitionFigures {
  const byId = new Map(records.map((r) => [r.id, r] as const));
  const byChannel = Object.fromEntries(CASE_CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  const groups = new Map<string, Group>();
  let received = 0;
  let visitPersonTimes = 0;

  for (const r of records) {
    const on = shanghaiDate(new Date(r.receivedAt));
    if (compareDates(on, period.from) < 0 || compareDates(on, period.to) > 0) continue;
    received += 1;
    byChannel[r.channel] += 1;
    if (VISIT_CHANNELS.includes(r.channel)) visitPersonTimes += r.personTimes;

    const key = rootOf(r.id, byId);
    const g = groups.get(key) ?? { closedOn: null, dueOn: null, lastRevisitAt: null, satisfaction: null };
    const closedOn = r.closedOn ?? null;
    if (
      closedOn !== null &&
      compareDates(closedOn, period.to) <= 0 &&
      (g.closedOn === null || compareDates(closedOn, g.closedOn) < 0)
    ) {
      g.closedOn = closedOn;
      g.dueOn = r.dueOn ?? null;
    }
    if (
      r.satisfaction !== undefined &&
      r.satisfaction !== null &&
      (g.lastRevisitAt === null || Date.parse(r.receivedAt) >= Date.parse(g.lastRevisitAt))
    ) {
      g.lastRevisitAt = r.receivedAt;
      g.satisfaction = r.satisfaction;
    }
    groups.set(key, g);
  }

  let closed = 0;
  let closedWithDue = 0;
  let onTime = 0;
  let revisited = 0;
  let satisfied = 0;
  for (const g of groups.values()) {
    if (g.closedOn !== null) {
      closed += 1;
      if (g.dueOn !== null) {
        closedWithDue += 1;
        if (compareDates(g.closedOn, g.dueOn) <= 0) onTime += 1;
      }
    }
    if (g.satisfaction !== null) {
      revisited += 1;
      if (g.satisfaction !== 'not') satisfied += 1;
    }
  }

  return {
    received,
    letters: byChannel.letter,
    visits: VISIT_CHANNELS.reduce((n, c) => n + byChannel[c], 0),
    visitPersonTimes,
    byChannel,
    uniqueCases: groups.size,
    closed,
    closureRate: rate(closed, groups.size),
    onTimeRate: rate(onTime, closedWithDue),
    satisfactionRate: rate(satisfied, revisited),
  };
}
