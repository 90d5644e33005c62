/** The shape of a petition case (信访件), docs/domain.md §3. Its vocabularies live in case-vocabulary.ts. */
import type { CivilDate } from './civil-date.ts';
import type { UnitLevel } from './unit-code.ts';
import type { Channel, Complexity, PetitionStatus, ReplyMethod, Satisfaction } from './case-vocabulary.ts';

export type { Channel, Complexity, PetitionStatus, ReplyMethod, Satisfaction };

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
  /**
   * Civil date the handling unit accepted (受理) the case: the assignment clock starts there.
   * Null before acceptance and again after an escalation (the new unit decides afresh).
   * States stored before this field existed were given it by a data step
   * (packages/db/src/data-steps/case-open-clocks.ts).
   */
  acceptedOn: CivilDate | null;
  assignment: Assignment | null;
  startedOn: CivilDate | null;
  reply: { method: ReplyMethod; content: string; on: CivilDate } | null;
  revisit: { satisfaction: Satisfaction; on: CivilDate } | null;
  archivedOn: CivilDate | null;
  escalations: readonly Escalation[];
}
