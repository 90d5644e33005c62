/** Vocabulary of a petition case (信访件), DOMAIN §3. Types only, plus the Chinese labels the UI shows. */
import type { CivilDate } from './civil-date.ts';
import type { UnitLevel } from './unit-code.ts';

export type Channel = 'letter' | 'visit' | 'phone' | 'online' | 'assigned_from_above' | 'reception_day';

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  online: '网上信访',
  assigned_from_above: '上级交办',
  reception_day: '领导接访日',
};

export type PetitionStatus =
  | 'registered'
  | 'accepted'
  | 'refused'
  | 'assigned'
  | 'in_progress'
  | 'replied'
  | 'revisited'
  | 'archived';

export const STATUS_LABELS: Readonly<Record<PetitionStatus, string>> = {
  registered: '登记',
  accepted: '受理',
  refused: '不予受理',
  assigned: '交办/转办',
  in_progress: '办理中',
  replied: '已答复',
  revisited: '已回访',
  archived: '已归档',
};

export type Complexity = 'simple' | 'general' | 'major';
export const COMPLEXITY_LABELS: Readonly<Record<Complexity, string>> = {
  simple: '简单事项',
  general: '一般事项',
  major: '重大复杂事项',
};

export type ReplyMethod = 'phone' | 'letter' | 'in_person';
export const REPLY_METHOD_LABELS: Readonly<Record<ReplyMethod, string>> = {
  phone: '电话答复',
  letter: '书面答复',
  in_person: '当面答复',
};

export type Satisfaction = 'satisfied' | 'basically' | 'not';
export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, string>> = {
  satisfied: '满意',
  basically: '基本满意',
  not: '不满意',
};

/** 5 or more people make a collective petition (集体访). */
export const COLLECTIVE_THRESHOLD = 5;

export interface Assignment {
  /**
   * Responsible unit (责任单位): the handling unit itself or a unit below it. When it is
   * below, the case was assigned downward (交办) and the handling unit keeps ownership
   * and supervises.
   */
  unitCode: string;
  person: string;
  complexity: Complexity;
  assignedOn: CivilDate;
  /** Handling deadline, fixed when assigned so later rule edits never move it. */
  dueOn: CivilDate;
}

export interface Escalation {
  fromUnitCode: string;
  fromLevel: UnitLevel;
  toUnitCode: string;
  toLevel: UnitLevel;
  reason: string;
  on: CivilDate;
}

/**
 * The state of one case. Immutable by convention: transition() always returns a new object.
 * `unitCode`/`level` name the unit currently handling (owning) the case: it accepts,
 * assigns, archives, and escalates it. Escalation moves ownership up.
 */
export interface CaseState {
  id: string;
  status: PetitionStatus;
  channel: Channel;
  /** ISO instant of receipt. */
  receivedAt: string;
  /** Civil date of receipt in Asia/Shanghai, the start of every time limit. */
  receivedOn: CivilDate;
  unitCode: string;
  level: UnitLevel;
  peopleCount: number;
  repeat: boolean;
  skipLevel: boolean;
  refusalReason: string | null;
  assignment: Assignment | null;
  startedOn: CivilDate | null;
  reply: { method: ReplyMethod; content: string; on: CivilDate } | null;
  revisit: { satisfaction: Satisfaction; on: CivilDate } | null;
  archivedOn: CivilDate | null;
  escalations: readonly Escalation[];
}
