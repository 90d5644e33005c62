import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetHash, schema, type Actor, type UserRole } from '@tally/db';
import { defaultRuleSet, scoreUnit } from '@tally/scoring';
import { appRouter, createCaller } from '@tally/web/server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../setup/two-counties.ts';

/*
 * Tenant isolation matrix: every tRPC procedure × every role × four targets,
 * against an explicit expectation table. Outcomes:
 *   O  allowed: a mutation took effect / a query shows the target
 *   N  not found: the target is outside the actor's county or scope (a query does not show it)
 *   F  forbidden: the role may not call the procedure at all
 *   B  refused by a business rule after the target was found in scope
 * Refused cases (N, F, B) must leave units and users exactly as they were.
 */
type Outcome = 'O' | 'N' | 'F' | 'B';
type TargetName = 'otherCounty' | 'siblingTownship' | 'townshipAbove' | 'villageBelow';
const targetOrder: TargetName[] = ['otherCounty', 'siblingTownship', 'townshipAbove', 'villageBelow'];
const roles: UserRole[] = [
  'county_admin',
  'county_staff',
  'township_staff',
  'village_staff',
  'security_admin',
  'auditor',
];

/** The actors: county roles sit at county A; township staff at A's first township; village staff at its first village. */
const actorLogins: Record<UserRole, string> = {
  county_admin: 'a_admin',
  county_staff: 'a_staff',
  security_admin: 'a_secadmin',
  auditor: 'a_auditor',
  township_staff: 'a_zhen01',
  village_staff: 'a_cun0101',
};

/** Targets, each a unit and the user who sits there. */
const targets: Record<TargetName, { unit: string; level: 'township' | 'village'; login: string }> = {
  otherCounty: { unit: '130535100000', level: 'township', login: 'b_zhen01' },
  siblingTownship: { unit: '130534101000', level: 'township', login: 'a_zhen02' },
  townshipAbove: { unit: '130534100000', level: 'township', login: 'a_zhen01' },
  villageBelow: { unit: '130534100202', level: 'village', login: 'a_cun0102' },
};

/** Per procedure, per role: outcomes for [otherCounty, siblingTownship, townshipAbove, villageBelow]. */
const expected: Record<string, Record<UserRole, string>> = {
  'session.me': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'NNNN',
    auditor: 'NNNN',
  },
  'units.tree': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'NOOO',
    auditor: 'FFFF',
  },
  'units.create': {
    county_admin: 'NOOB',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'units.rename': {
    county_admin: 'NOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'units.setActive': {
    county_admin: 'NBBO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'users.list': {
    county_admin: 'NOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'NOOO',
    auditor: 'FFFF',
  },
  // The security admin may not grant case-data roles (docs/security.md "Who may grant which role"): it creates
  // no township or village staff anywhere (refused on the role asked for, before the unit is looked up), and
  // changes no such account's role or unit.
  'users.create': {
    county_admin: 'NOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'BBBB',
    auditor: 'FFFF',
  },
  'users.setDisabled': {
    county_admin: 'NOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'NOOO',
    auditor: 'FFFF',
  },
  'users.resetPassword': {
    county_admin: 'NOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'NOOO',
    auditor: 'FFFF',
  },
  'users.update': {
    county_admin: 'NOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'NBBB',
    auditor: 'FFFF',
  },
  // Cases: a case registered at each target unit. Security admin and auditor never see case data.
  'cases.register': {
    county_admin: 'OOOO',
    county_staff: 'OOOO',
    township_staff: 'OOOO',
    village_staff: 'OOOO',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'cases.list': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'cases.get': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'cases.reveal': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'cases.transition': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Registers: a dispute kept at each target unit by its own clerk. Only the keeping unit writes (B above it).
  'registers.overview': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'registers.list': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'registers.get': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'registers.reveal': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'registers.exportRows': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'registers.create': {
    county_admin: 'OOOO',
    county_staff: 'OOOO',
    township_staff: 'OOOO',
    village_staff: 'OOOO',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'registers.update': {
    county_admin: 'NBBB',
    county_staff: 'NBBB',
    township_staff: 'NNOB',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'registers.remove': {
    county_admin: 'NBBB',
    county_staff: 'NBBB',
    township_staff: 'NNOB',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // 六定 and 挂牌督办: the handling unit or a unit above it; a village sees none of the targets.
  'cases.setResponsibility': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Figures of a unit: only units in the actor's scope; the target's case is counted when it is.
  // Every target case is past its acceptance limit, so it appears where it is in scope; a unit out of scope is refused (N).
  'cases.overdueNotices': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'cases.exportRows': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'cases.figures': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // The targets' cases were registered in March and never decided: past the 15-day acceptance
  // limit, so a notice is issued wherever the case is in scope (docs/domain.md §3).
  'cases.notice': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // The calendar is county-wide: read by every case-data role of the county, never across counties.
  'calendar.get': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NOOO',
    village_staff: 'NOOO',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Saving always writes the actor's own county: the target does not enter into it.
  'calendar.save': {
    county_admin: 'OOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Disputes and mediation files: one of each recorded at every target unit.
  'disputes.rates': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'mediation.list': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'mediation.reveal': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'mediation.get': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Imports: a batch uploaded by each target's own user. Anyone in scope may look; only
  // the batch's own unit may change it (the township actor sits at townshipAbove). Upload is always at the actor's own unit.
  'imports.preview': {
    county_admin: 'OOOO',
    county_staff: 'OOOO',
    township_staff: 'OOOO',
    village_staff: 'OOOO',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'imports.get': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'imports.progress': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'imports.remap': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'imports.commit': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // The batch list is the actor's own unit's: a target's batch shows only to a user sitting at that unit.
  'imports.list': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'imports.cancel': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Assessment. Rule sets are county-wide (each county's 2026 set carries its own label); the
  // county admin alone edits and publishes, whatever the target.
  'assessment.ruleSets': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NOOO',
    village_staff: 'NOOO',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.startDraft': {
    county_admin: 'OOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.saveDraft': {
    county_admin: 'OOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.discardDraft': {
    county_admin: 'OOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.publishRuleSet': {
    county_admin: 'OOOO',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Ranking the villages under the target: a township in scope; a village ranks nothing (N).
  'assessment.preview': {
    county_admin: 'NOON',
    county_staff: 'NOON',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.live': {
    county_admin: 'NOON',
    county_staff: 'NOON',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.publishResult': {
    county_admin: 'NOON',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // A published result ranking each target among its siblings: every township reads the county's
  // township ranking (names and scores); a village reads only its own breakdown.
  'assessment.results': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NOOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.result': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NOOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'assessment.breakdown': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Dashboard. The published Q2 ranking of each target's scope: the county reads all; a township reads the county's
  // township ranking (names and scores) and its own villages'; a village reads no ranking, not even its township's.
  'dashboard.ranking': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NOOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Live trends only where the reader may score: a township sees its own villages', not the other townships'.
  'dashboard.scoreTrend': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNNO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'dashboard.indicatorTrend': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'dashboard.sideBySide': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNNO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Assessment inputs: a score and an event about each target, entered by its parent unit. Only the
  // unit directly above writes (the county checks townships, a township its villages): the actor's own
  // unit and a unit two levels down are refused by rule (B). Every unit reads its own, read-only.
  'checks.inspectionGrid': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'checks.inspectionHistory': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'checks.enterInspection': {
    county_admin: 'NOOB',
    county_staff: 'NOOB',
    township_staff: 'NNBO',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'checks.listEvents': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'checks.recordEvent': {
    county_admin: 'NOOB',
    county_staff: 'NOOB',
    township_staff: 'NNBO',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // A sheet naming the target: a unit the actor does not check is a row error whether it exists or not (B), so a sheet reveals nothing.
  'checks.importInspections': {
    county_admin: 'BOOB',
    county_staff: 'BOOB',
    township_staff: 'BBBO',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'checks.withdrawEvent': {
    county_admin: 'NOOB',
    county_staff: 'NOOB',
    township_staff: 'NNBO',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // Reports upward: each target's own clerk filed its 2026-03 月报 and keeps a 2026-02 draft. A unit
  // files only its own report (the county files none: B); a draft is seen by its own unit alone; only
  // the unit directly above reviews (the county a township, a township its village; others B).
  'reports.draft': {
    county_admin: 'BBBB',
    county_staff: 'BBBB',
    township_staff: 'OOOO',
    village_staff: 'OOOO',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'reports.saveDraft': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'reports.submit': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'reports.submitZero': {
    county_admin: 'NNNN',
    county_staff: 'NNNN',
    township_staff: 'NNON',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'reports.review': {
    county_admin: 'NOOB',
    county_staff: 'NOOB',
    township_staff: 'NNBO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'reports.get': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  // 第一时间报告: filed from the actor's own unit (the county reports to nobody: B); read by every unit above the filer.
  'reports.fileImmediate': {
    county_admin: 'BBBB',
    county_staff: 'BBBB',
    township_staff: 'OOOO',
    village_staff: 'OOOO',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'reports.immediateList': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'reports.matrix': {
    county_admin: 'NOOO',
    county_staff: 'NOOO',
    township_staff: 'NNOO',
    village_staff: 'NNNN',
    security_admin: 'FFFF',
    auditor: 'FFFF',
  },
  'audit.list': {
    county_admin: 'FFFF',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'NOOO',
  },
  'audit.exportRows': {
    county_admin: 'FFFF',
    county_staff: 'FFFF',
    township_staff: 'FFFF',
    village_staff: 'FFFF',
    security_admin: 'FFFF',
    auditor: 'NOOO',
  },
};

type Caller = ReturnType<typeof createCaller>;
interface ResolvedTarget {
  unit: string;
  level: 'township' | 'village';
  userId: string;
  userRole: UserRole;
  caseId: string;
  disputeId: string;
  disputeSummary: string;
  mediationId: string;
  calendarMarker: string;
  batchId: string;
  eventId: string;
  resultId: string;
  ruleSetLabel: string;
  reportId: string;
  draftReportId: string;
  immediateId: string;
}
const MATRIX_CSV = new TextEncoder().encode('日期,类型,发现问题数\n2026-03-05,常规,0\n');
let serial = 0;
/** Each county's saved 2027 calendar carries one holiday of its own, so a read shows whose calendar it got. */
const calendarMarkers = { 1: '2027-03-01', 2: '2027-03-02' } as const;
const countyIdOf = (unit: string) => (unit.startsWith('130535') ? 2 : 1);
/** Each county's published 2026 rule set has a label of its own, so a read shows whose rule set it got. */
const ruleSetLabels = { 1: '甲县考核细则', 2: '乙县考核细则' } as const;
/** Scores and events are about last year, whose months have all begun whenever the matrix runs. */
const CHECK_YEAR = new Date().getUTCFullYear() - 1;
const checkCell = (unit: string) => ({ unitCode: unit, year: CHECK_YEAR, component: 'routine' as const, periodNo: 3 });
const parentOf = (target: { unit: string; level: 'township' | 'village' }) =>
  target.level === 'village' ? `${target.unit.slice(0, 9)}000` : `${target.unit.slice(0, 6)}000000`;

/** How each procedure is called against a target; queries say whether the target is visible. */
const calls: Record<
  string,
  | { kind: 'query'; run: (caller: Caller, target: ResolvedTarget) => Promise<boolean> }
  | { kind: 'mutation'; run: (caller: Caller, target: ResolvedTarget) => Promise<unknown> }
> = {
  'session.me': { kind: 'query', run: async (c, t) => (await c.session.me()).unitCode === t.unit },
  'units.tree': { kind: 'query', run: async (c, t) => (await c.units.tree()).some((u) => u.code === t.unit) },
  'users.list': { kind: 'query', run: async (c, t) => (await c.users.list()).some((u) => u.unitCode === t.unit) },
  'audit.list': {
    kind: 'query',
    run: async (c, t) => {
      // Earlier cases add audit rows: read every page, not just the newest.
      for (let cursor: string | undefined; ; ) {
        const result = await c.audit.list({ cursor });
        // A row about the target's unit kept in the target's county. (A probe of another county's
        // unit is audited in the prober's own county as denied.not_found, naming the unit asked for.)
        if (result.rows.some((r) => r.countyId === countyIdOf(t.unit) && r.objectId === t.unit)) return true;
        if (!result.next) return false;
        cursor = result.next;
      }
    },
  },
  'audit.exportRows': {
    kind: 'query',
    run: async (c, t) => {
      for (let cursor: string | undefined; ; ) {
        const result = await c.audit.exportRows({ cursor });
        if (result.rows.some((r) => r.countyId === countyIdOf(t.unit) && r.objectId === t.unit)) return true;
        if (!result.next) return false;
        cursor = result.next;
      }
    },
  },
  'calendar.get': {
    kind: 'query',
    run: async (c, t) => (await c.calendar.get({ year: 2027 })).holidays.includes(t.calendarMarker),
  },
  'calendar.save': {
    kind: 'mutation',
    run: (c) =>
      c.calendar.save({
        year: 2027,
        holidays: [calendarMarkers[1], `2027-04-${String((++serial % 28) + 1).padStart(2, '0')}`],
        makeupWorkdays: [],
      }),
  },
  'disputes.rates': {
    kind: 'query',
    run: async (c, t) =>
      (await c.disputes.rates({ unitCode: t.unit, from: '2026-01-01', to: '2026-12-31' })).figures.total >= 1,
  },
  'mediation.list': {
    kind: 'query',
    run: async (c, t) => (await c.mediation.list({ page: 1, pageSize: 100 })).rows.some((r) => r.id === t.mediationId),
  },
  'mediation.reveal': { kind: 'mutation', run: (c, t) => c.mediation.reveal({ id: t.mediationId }) },
  'mediation.get': {
    kind: 'query',
    run: async (c, t) => (await c.mediation.get({ id: t.mediationId })).id === t.mediationId,
  },
  'cases.register': {
    kind: 'mutation',
    // Intake is always at the actor's own unit: the target does not enter into it.
    run: (c) =>
      c.cases.register({
        receivedAt: '2026-03-05T09:00:00+08:00',
        channel: 'visit',
        peopleCount: 1,
        category: 'other',
        summary: '矩阵登记',
        petitionerName: '王五',
      }),
  },
  'cases.list': {
    kind: 'query',
    run: async (c, t) => (await c.cases.list({ page: 1, pageSize: 100 })).rows.some((r) => r.id === t.caseId),
  },
  'cases.get': { kind: 'mutation', run: (c, t) => c.cases.get({ id: t.caseId }) },
  'cases.reveal': { kind: 'mutation', run: (c, t) => c.cases.reveal({ id: t.caseId }) },
  'cases.transition': {
    kind: 'mutation',
    run: (c, t) => c.cases.transition({ id: t.caseId, version: 0, action: { type: 'accept' } }),
  },
  'registers.overview': {
    kind: 'query',
    run: async (c, t) => (await c.registers.overview({ unitCode: t.unit })).disputes > 0,
  },
  'registers.list': {
    kind: 'query',
    run: async (c, t) =>
      (await c.registers.list({ register: 'disputes', q: t.disputeSummary, pageSize: 100 })).rows.some(
        (r) => r.id === t.disputeId,
      ),
  },
  'registers.exportRows': {
    kind: 'query',
    run: async (c, t) =>
      (await c.registers.exportRows({ register: 'disputes', q: t.disputeSummary })).rows.some(
        (r) => r.unitCode === t.unit,
      ),
  },
  'registers.get': { kind: 'mutation', run: (c, t) => c.registers.get({ register: 'disputes', id: t.disputeId }) },
  'registers.reveal': {
    kind: 'mutation',
    run: (c, t) => c.registers.reveal({ register: 'disputes', id: t.disputeId }),
  },
  'registers.create': {
    kind: 'mutation',
    run: (c) => c.registers.create({ register: 'disputes', values: disputeForm(`矩阵新增${++serial}`) }),
  },
  'registers.update': {
    kind: 'mutation',
    run: async (c, t) =>
      c.registers.update({
        register: 'disputes',
        id: t.disputeId,
        updatedAt: await disputeVersion(t),
        values: disputeForm(`矩阵修改${++serial}`),
      }),
  },
  'registers.remove': {
    kind: 'mutation',
    run: async (c, t) =>
      c.registers.remove({ register: 'disputes', id: t.disputeId, updatedAt: await disputeVersion(t) }),
  },
  'cases.setResponsibility': {
    kind: 'mutation',
    run: (c, t) =>
      c.cases.setResponsibility({
        id: t.caseId,
        version: 0,
        leadLeader: '矩阵领导',
        responsibleUnit: '矩阵单位',
        flagged: true,
      }),
  },
  'cases.notice': { kind: 'query', run: async (c, t) => (await c.cases.notice({ id: t.caseId })).caseId === t.caseId },
  'cases.overdueNotices': {
    kind: 'query',
    run: async (c, t) =>
      (await c.cases.overdueNotices({ unitCode: t.unit })).notices.some((n) => n.caseId === t.caseId),
  },
  'cases.exportRows': {
    kind: 'query',
    run: async (c, t) => (await c.cases.exportRows({})).some((r) => r.id === t.caseId),
  },
  'cases.figures': {
    kind: 'query',
    // Only the targets' own cases were received on Mar 4; the matrix's intakes are dated Mar 5.
    run: async (c, t) =>
      (await c.cases.figures({ unitCode: t.unit, from: '2026-03-04', to: '2026-03-04' })).figures.received >= 1,
  },
  'imports.preview': {
    kind: 'mutation',
    run: (c) => c.imports.preview({ register: 'investigation_rounds', fileName: 'matrix.csv', bytes: MATRIX_CSV }),
  },
  'imports.get': {
    kind: 'query',
    run: async (c, t) => (await c.imports.get({ id: t.batchId })).batch.unitCode === t.unit,
  },
  'imports.progress': {
    kind: 'query',
    run: async (c, t) => (await c.imports.progress({ id: t.batchId })).status === 'previewed',
  },
  'imports.remap': {
    kind: 'mutation',
    run: (c, t) => c.imports.remap({ id: t.batchId, mapping: { 2: 'findingsCount' } }),
  },
  'imports.commit': { kind: 'mutation', run: (c, t) => c.imports.commit({ id: t.batchId }) },
  'imports.list': {
    kind: 'query',
    run: async (c, t) => (await c.imports.list({ page: 1 })).rows.some((r) => r.id === t.batchId),
  },
  'imports.cancel': { kind: 'mutation', run: (c, t) => c.imports.cancel({ id: t.batchId }) },
  'assessment.ruleSets': {
    kind: 'query',
    run: async (c, t) => (await c.assessment.ruleSets({ year: 2026 })).published?.label === t.ruleSetLabel,
  },
  'assessment.startDraft': { kind: 'mutation', run: (c) => c.assessment.startDraft({ year: 2028, from: 'default' }) },
  'assessment.saveDraft': {
    kind: 'mutation',
    run: (c) => c.assessment.saveDraft({ year: 2027, expectedVersion: 0, fields: { 'r0.label': `矩阵${++serial}` } }),
  },
  'assessment.discardDraft': {
    kind: 'mutation',
    run: (c) => c.assessment.discardDraft({ year: 2027, expectedVersion: 0 }),
  },
  'assessment.publishRuleSet': {
    kind: 'mutation',
    run: (c) => c.assessment.publishRuleSet({ year: 2027, expectedVersion: 0 }),
  },
  'assessment.preview': {
    kind: 'query',
    run: async (c, t) =>
      (await c.assessment.preview({ year: 2027, period: 'year', scopeCode: t.unit })).rows.length > 0,
  },
  'assessment.live': {
    kind: 'query',
    run: async (c, t) => (await c.assessment.live({ year: 2026, period: 'year', scopeCode: t.unit })).rows.length > 0,
  },
  'assessment.publishResult': {
    kind: 'mutation',
    run: (c, t) => c.assessment.publishResult({ year: 2026, period: 'year', scopeCode: t.unit, reason: '矩阵更正' }),
  },
  'assessment.results': {
    kind: 'query',
    run: async (c, t) => (await c.assessment.results({ year: 2026 })).some((r) => r.id === t.resultId),
  },
  'assessment.result': {
    kind: 'query',
    run: async (c, t) => (await c.assessment.result({ id: t.resultId })).header.id === t.resultId,
  },
  'assessment.breakdown': {
    kind: 'query',
    run: async (c, t) => (await c.assessment.breakdown({ resultId: t.resultId, unitCode: t.unit })).unitCode === t.unit,
  },
  'dashboard.ranking': {
    kind: 'query',
    run: async (c, t) =>
      (await c.dashboard.ranking({ year: 2026, period: 'Q2', scopeCode: parentOf(t) })).rows.some(
        (r) => r.unitCode === t.unit,
      ),
  },
  'dashboard.scoreTrend': {
    kind: 'query',
    run: async (c, t) =>
      (await c.dashboard.scoreTrend({ year: 2026, granularity: 'quarter', scopeCode: parentOf(t) })).series.some(
        (line) => line.unitCode === t.unit,
      ),
  },
  // The target's own case (received 2026-03-04) gives its closure rate something to measure.
  'dashboard.indicatorTrend': {
    kind: 'query',
    run: async (c, t) =>
      (await c.dashboard.indicatorTrend({ year: 2026, granularity: 'quarter', unitCode: t.unit })).points.some(
        (p) => p.closure !== null,
      ),
  },
  'dashboard.sideBySide': {
    kind: 'query',
    run: async (c, t) =>
      (await c.dashboard.sideBySide({ scopeCode: parentOf(t), from: '2026-03-04', to: '2026-03-04' })).rows.some(
        (r) => r.unitCode === t.unit && r.received >= 1,
      ),
  },
  'checks.inspectionGrid': {
    kind: 'query',
    // A village target is read on its township's grid; a township on the actor's own.
    run: async (c, t) => {
      const grid = await c.checks.inspectionGrid({
        year: CHECK_YEAR,
        component: 'routine',
        parentCode: t.level === 'village' ? parentOf(t) : undefined,
      });
      return [...grid.rows, ...(grid.own ? [grid.own] : [])].some(
        (row) => row.unitCode === t.unit && row.cells[2]!.score !== null,
      );
    },
  },
  'checks.inspectionHistory': {
    kind: 'query',
    run: async (c, t) => (await c.checks.inspectionHistory(checkCell(t.unit))).versions.length > 0,
  },
  'checks.enterInspection': {
    kind: 'mutation',
    run: async (c, t) =>
      c.checks.enterInspection({
        ...checkCell(t.unit),
        score: 60 + (++serial % 40),
        reason: '矩阵更正',
        expectedVersion: await scoreVersion(t),
      }),
  },
  'checks.listEvents': {
    kind: 'query',
    run: async (c, t) =>
      (await c.checks.listEvents({ year: CHECK_YEAR, unitCode: t.unit })).rows.some((r) => r.id === t.eventId),
  },
  'checks.recordEvent': {
    kind: 'mutation',
    run: (c, t) =>
      c.checks.recordEvent({
        unitCode: t.unit,
        kind: 'preventable-case',
        occurredOn: `${CHECK_YEAR}-05-01`,
        description: `矩阵事项${++serial}`,
      }),
  },
  'checks.importInspections': {
    kind: 'mutation',
    // The target's cell holds the fixture score 50: the sheet corrects it, with the import's reason.
    run: (c, t) =>
      c.checks.importInspections({
        fileName: 'matrix.csv',
        reason: '矩阵导入',
        bytes: new TextEncoder().encode(
          `单位代码,年度,检查类别,月份,得分\n${t.unit},${CHECK_YEAR},例行检查,3,${60 + (++serial % 40)}\n`,
        ),
      }),
  },
  'checks.withdrawEvent': {
    kind: 'mutation',
    run: async (c, t) =>
      c.checks.withdrawEvent({ id: t.eventId, reason: '矩阵撤销', expectedVersion: await eventVersion(t) }),
  },
  'reports.draft': { kind: 'mutation', run: (c) => c.reports.draft({ kind: 'monthly', periodKey: '2026-04' }) },
  'reports.saveDraft': {
    kind: 'mutation',
    run: async (c, t) =>
      c.reports.saveDraft({
        id: t.draftReportId,
        expectedVersion: await reportVersion(t.draftReportId),
        narrative: { work: `矩阵${++serial}` },
      }),
  },
  'reports.submit': {
    kind: 'mutation',
    run: async (c, t) =>
      c.reports.submit({ id: t.draftReportId, expectedVersion: await reportVersion(t.draftReportId) }),
  },
  'reports.submitZero': {
    kind: 'mutation',
    run: async (c, t) =>
      c.reports.submitZero({ id: t.draftReportId, expectedVersion: await reportVersion(t.draftReportId) }),
  },
  'reports.review': {
    kind: 'mutation',
    run: async (c, t) =>
      c.reports.review({ id: t.reportId, expectedVersion: await reportVersion(t.reportId), outcome: 'accepted' }),
  },
  'reports.fileImmediate': {
    kind: 'mutation',
    run: (c) =>
      c.reports.fileImmediate({
        eventKind: 'other',
        title: `矩阵事件${++serial}`,
        summary: '矩阵',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        knownAt: new Date(Date.now() - 30_000).toISOString(),
      }),
  },
  'reports.immediateList': {
    kind: 'query',
    run: async (c, t) =>
      (await c.reports.immediateList({ year: new Date().getUTCFullYear() })).some((r) => r.id === t.immediateId),
  },
  'reports.get': {
    kind: 'query',
    run: async (c, t) => (await c.reports.get({ id: t.reportId })).report.id === t.reportId,
  },
  'reports.matrix': {
    kind: 'query',
    run: async (c, t) => {
      const matrix = await c.reports.matrix({ kind: 'monthly', year: 2026 });
      return [...matrix.rows, ...(matrix.own ? [matrix.own] : [])].some(
        (row) => row.unit.code === t.unit && row.cells.some((cell) => cell.reportId === t.reportId),
      );
    },
  },
  'units.create': {
    kind: 'mutation',
    run: (c, t) =>
      c.units.create({
        parentCode: t.unit,
        code: `${t.unit.slice(0, 9)}${String(300 + ++serial).padStart(3, '0')}`,
        name: `新村${serial}`,
      }),
  },
  'units.rename': { kind: 'mutation', run: (c, t) => c.units.rename({ code: t.unit, name: `改名${++serial}` }) },
  'units.setActive': { kind: 'mutation', run: (c, t) => c.units.setActive({ code: t.unit, active: false }) },
  'users.create': {
    kind: 'mutation',
    run: (c, t) =>
      c.users.create({
        loginName: `matrix_${++serial}`,
        displayName: '矩阵用户',
        role: t.level === 'township' ? 'township_staff' : 'village_staff',
        unitCode: t.unit,
        password: 'Matrix-pass1',
      }),
  },
  'users.setDisabled': { kind: 'mutation', run: (c, t) => c.users.setDisabled({ id: t.userId, disabled: true }) },
  'users.resetPassword': {
    kind: 'mutation',
    run: (c, t) => c.users.resetPassword({ id: t.userId, password: 'Reset-pass1' }),
  },
  'users.update': {
    kind: 'mutation',
    run: (c, t) => c.users.update({ id: t.userId, role: t.userRole, unitCode: t.unit }),
  },
};

/** The marker goes in the mediator too: a search above the keeping unit does not look into free text such as the summary. */
function disputeForm(marker: string): Record<string, string> {
  return {
    foundOn: '2026-03-04',
    disputeType: '邻里',
    parties: '张三、李四',
    partyIdNumber: '11010519491231002X',
    severity: '轻微',
    summary: marker,
    mediator: marker,
  };
}

/** The row's current version, read as the owner: a refused caller could not read it, yet must present one. */
async function disputeVersion(target: ResolvedTarget): Promise<string> {
  const rows = await database.owner.db.execute(sql`select updated_at from disputes where id = ${target.disputeId}`);
  return new Date(String((rows[0] as { updated_at: string | Date }).updated_at)).toISOString();
}

/** The version in force of the target's matrix score cell, and of its event: what a clerk's form would carry. */
async function scoreVersion(target: ResolvedTarget): Promise<number> {
  const rows = await database.owner.db.execute(
    sql`select max(version) as v from inspection_scores where unit_code = ${target.unit} and year = ${CHECK_YEAR} and component = 'routine' and period_no = 3`,
  );
  return Number((rows[0] as { v: number | null }).v ?? 0);
}
async function reportVersion(id: string): Promise<number> {
  const rows = await database.owner.db.execute(sql`select version from reports where id = ${id}`);
  return Number((rows[0] as { version: number }).version);
}
async function eventVersion(target: ResolvedTarget): Promise<number> {
  const rows = await database.owner.db.execute(sql`select version from checking_events where id = ${target.eventId}`);
  return Number((rows[0] as { version: number }).version);
}

function outcomeOf(error: unknown): Outcome {
  // TRPCError by name and code: the test does not import the server's copy of @trpc/server.
  if (error instanceof Error && error.name === 'TRPCError') {
    const code = (error as Error & { code: string }).code;
    // A refusal with its own message is a business rule (e.g. only the keeping unit writes), not the role.
    if (code === 'FORBIDDEN')
      return (error as Error & { messageKey?: string }).messageKey === 'error.forbidden' ? 'F' : 'B';
    if (code === 'NOT_FOUND') return 'N';
    if (code === 'BAD_REQUEST' || code === 'CONFLICT') return 'B';
  }
  throw error;
}

let database: TestDatabase;
const actors = {} as Record<UserRole, Actor>;
const resolvedTargets = {} as Record<TargetName, ResolvedTarget>;

interface Snapshot {
  units: Array<Record<string, unknown>>;
  users: Array<Record<string, unknown>>;
  cases: Array<Record<string, unknown>>;
  disputes: Array<Record<string, unknown>>;
  calendars: Array<Record<string, unknown>>;
  batches: Array<Record<string, unknown>>;
  ruleSets: Array<Record<string, unknown>>;
  results: Array<Record<string, unknown>>;
  scores: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  reports: Array<Record<string, unknown>>;
  reportVersions: Array<Record<string, unknown>>;
  immediate: Array<Record<string, unknown>>;
}
async function snapshot(): Promise<Snapshot> {
  const rows = async (query: ReturnType<typeof sql>) =>
    [...(await database.owner.db.execute(query))] as Array<Record<string, unknown>>;
  return {
    units: await rows(sql`select county_id, code, name, active, updated_at from units order by county_id, code`),
    users: await rows(
      sql`select county_id, id, login_name, role, unit_code, disabled, password_hash, updated_at from users order by county_id, id`,
    ),
    cases: await rows(
      sql`select county_id, id, status, state, unit_code, assigned_unit_code, due_on, clock_due_on, closed_at, version, updated_at, lead_leader, responsible_unit, flagged from petition_cases order by county_id, id`,
    ),
    disputes: await rows(
      sql`select county_id, id, unit_code, summary, mediator, fingerprint, deleted_at, updated_at from disputes order by county_id, id`,
    ),
    calendars: await rows(
      sql`select county_id, year, holidays, makeup_workdays, updated_at from work_calendars order by county_id, year`,
    ),
    // Batches: status and counts of the fixture batches (a remap re-stages the same file, so its counts are the same).
    batches: await rows(
      sql`select county_id, id, status, mapping_override, valid_rows, updated_at, (select count(*)::int from import_rows r where r.county_id = b.county_id and r.batch_id = b.id) as staged from import_batches b order by county_id, id`,
    ),
    ruleSets: await rows(
      sql`select county_id, id, year, status, content, content_hash, version, created_by, created_at, updated_at, published_at, published_by from assessment_rule_sets order by county_id, id`,
    ),
    results: await rows(sql`select county_id, id from assessment_results order by county_id, id`),
    // Scores are insert-only and events are written by the checking unit: every row counts, new ones too.
    scores: await rows(
      sql`select county_id, id, unit_code, year, component, period_no, score, version from inspection_scores order by county_id, id`,
    ),
    events: await rows(
      sql`select county_id, id, unit_code, kind, level, deleted_at, deleted_reason, version, updated_at from checking_events order by county_id, id`,
    ),
    // Reports: every row counts (a draft created or a version filed is a change); figures are derived and refreshed on reading a draft.
    reports: await rows(
      sql`select county_id, id, unit_code, period_key, state, zero, narrative, version, filed_version_no, submitted_at, ever_returned, updated_at from reports order by county_id, id`,
    ),
    reportVersions: await rows(
      sql`select county_id, id, report_id, version_no, review_outcome, review_comment, reviewed_at from report_versions order by county_id, id`,
    ),
    immediate: await rows(sql`select county_id, id from immediate_reports order by county_id, id`),
  };
}

/** Put back what an allowed mutation changed, so the next case starts from the same state. */
async function restore(before: Snapshot): Promise<void> {
  await database.owner.db.transaction(async (tx) => {
    for (const unit of before.units) {
      await tx.execute(
        sql`update units set name = ${unit.name}, active = ${unit.active}, updated_at = ${unit.updated_at} where county_id = ${unit.county_id} and code = ${unit.code}`,
      );
    }
    for (const row of before.cases) {
      await tx.execute(
        sql`update petition_cases set status = ${row.status}, state = ${JSON.stringify(row.state)}::jsonb, unit_code = ${row.unit_code}, assigned_unit_code = ${row.assigned_unit_code}, due_on = ${row.due_on}, clock_due_on = ${row.clock_due_on}, closed_at = ${row.closed_at}, version = ${row.version}, updated_at = ${row.updated_at}, lead_leader = ${row.lead_leader}, responsible_unit = ${row.responsible_unit}, flagged = ${row.flagged} where county_id = ${row.county_id} and id = ${row.id}`,
      );
    }
    for (const row of before.disputes) {
      await tx.execute(
        sql`update disputes set summary = ${row.summary}, mediator = ${row.mediator}, fingerprint = ${row.fingerprint}, deleted_at = ${row.deleted_at}, updated_at = ${row.updated_at} where county_id = ${row.county_id} and id = ${row.id}`,
      );
    }
    await tx.execute(sql`delete from work_calendars`);
    for (const row of before.calendars) {
      await tx.execute(
        sql`insert into work_calendars (county_id, year, holidays, makeup_workdays, updated_at) values (${row.county_id}, ${row.year}, ${JSON.stringify(row.holidays)}::jsonb, ${JSON.stringify(row.makeup_workdays)}::jsonb, ${row.updated_at})`,
      );
    }
    for (const batch of before.batches) {
      await tx.execute(
        sql`update import_batches set status = ${batch.status}, mapping_override = ${batch.mapping_override === null ? null : JSON.stringify(batch.mapping_override)}::jsonb, updated_at = ${batch.updated_at} where county_id = ${batch.county_id} and id = ${batch.id}`,
      );
    }
    // A commit's rows go (they are tagged with the batch), a cancel's staged rows come back as valid rows.
    await tx.execute(sql`delete from investigation_rounds where import_id is not null`);
    for (const batch of before.batches) {
      if (
        batch.staged &&
        !(
          await tx.execute(
            sql`select 1 from import_rows where county_id = ${batch.county_id} and batch_id = ${batch.id}`,
          )
        ).length
      ) {
        await tx.execute(
          sql`insert into import_rows (county_id, batch_id, row_number, unit_code, outcome, values, fingerprint) select county_id, id, 2, unit_code, 'valid', '{"held_on":"2026-03-04","scope":"routine","findings_count":0}', 'matrix-' || id from import_batches where county_id = ${batch.county_id} and id = ${batch.id}`,
        );
      }
    }
    // Rule sets: drafts started go, drafts discarded or published come back as they were.
    await tx.execute(
      sql`delete from assessment_rule_sets r where not exists (select 1 from assessment_results x where x.county_id = r.county_id and x.rule_set_id = r.id)`,
    );
    for (const row of before.ruleSets) {
      await tx.execute(sql`insert into assessment_rule_sets (county_id, id, year, status, content, content_hash, version, created_by, created_at, updated_at, published_at, published_by)
        values (${row.county_id}, ${row.id}, ${row.year}, ${row.status}, ${JSON.stringify(row.content)}::jsonb, ${row.content_hash}, ${row.version}, ${row.created_by}, ${row.created_at}, ${row.updated_at}, ${row.published_at}, ${row.published_by})
        on conflict (county_id, id) do update set status = excluded.status, content = excluded.content, content_hash = excluded.content_hash, version = excluded.version, updated_at = excluded.updated_at, published_at = excluded.published_at, published_by = excluded.published_by`);
    }
    // Results published by an allowed call go; the fixtures stay.
    const kept = sql.join([sql`''`, ...before.results.map((row) => sql`${String(row.id)}`)], sql`, `);
    for (const table of ['assessment_rankings', 'assessment_breakdowns'] as const) {
      await tx.execute(sql`delete from ${sql.identifier(table)} where result_id::text not in (${kept})`);
    }
    await tx.execute(sql`delete from assessment_results where id::text not in (${kept})`);
    await tx.execute(sql`delete from inspection_scores where not (id = any(${sql.raw(uuidArray(before.scores))}))`);
    await tx.execute(sql`delete from checking_events where not (id = any(${sql.raw(uuidArray(before.events))}))`);
    for (const row of before.events) {
      await tx.execute(
        sql`update checking_events set deleted_at = ${row.deleted_at}, deleted_reason = ${row.deleted_reason}, version = ${row.version}, updated_at = ${row.updated_at} where county_id = ${row.county_id} and id = ${row.id}`,
      );
    }
    await tx.execute(sql`delete from immediate_reports where not (id = any(${sql.raw(uuidArray(before.immediate))}))`);
    await tx.execute(
      sql`delete from report_versions where not (id = any(${sql.raw(uuidArray(before.reportVersions))}))`,
    );
    await tx.execute(sql`delete from reports where not (id = any(${sql.raw(uuidArray(before.reports))}))`);
    for (const row of before.reports) {
      await tx.execute(
        sql`update reports set state = ${row.state}, zero = ${row.zero}, narrative = ${JSON.stringify(row.narrative)}::jsonb, version = ${row.version}, filed_version_no = ${row.filed_version_no}, submitted_at = ${row.submitted_at}, ever_returned = ${row.ever_returned}, updated_at = ${row.updated_at} where county_id = ${row.county_id} and id = ${row.id}`,
      );
    }
    for (const row of before.reportVersions) {
      await tx.execute(
        sql`update report_versions set review_outcome = ${row.review_outcome}, review_comment = ${row.review_comment}, reviewed_at = ${row.reviewed_at} where county_id = ${row.county_id} and id = ${row.id}`,
      );
    }
    for (const user of before.users) {
      await tx.execute(
        sql`update users set role = ${user.role}, unit_code = ${user.unit_code}, disabled = ${user.disabled}, password_hash = ${user.password_hash}, updated_at = ${user.updated_at} where county_id = ${user.county_id} and id = ${user.id}`,
      );
    }
  });
}

/** An array literal of the rows' ids (uuids read back from the database, never input). */
function uuidArray(rows: Array<Record<string, unknown>>): string {
  return `array[${rows.map((row) => `'${String(row.id).replace(/[^0-9a-f-]/g, '')}'`).join(', ')}]::uuid[]`;
}

function sameRows(a: Snapshot, b: Snapshot): boolean {
  const key = (s: Snapshot) =>
    JSON.stringify({
      units: s.units,
      users: s.users.filter((u) => a.users.some((x) => x.id === u.id)),
      cases: s.cases.filter((c) => a.cases.some((x) => x.id === c.id)),
      disputes: s.disputes.filter((d) => a.disputes.some((x) => x.id === d.id)),
      calendars: s.calendars,
      batches: s.batches.filter((b) => a.batches.some((x) => x.id === b.id)),
      ruleSets: s.ruleSets,
      results: s.results,
      scores: s.scores,
      events: s.events,
      reports: s.reports,
      reportVersions: s.reportVersions,
      immediate: s.immediate,
    });
  return key(a) === key(b);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  for (const role of roles) actors[role] = await actorByLogin(database.owner.db, actorLogins[role]);
  for (const name of targetOrder) {
    const user = await actorByLogin(database.owner.db, targets[name].login);
    // A case registered by the target's own clerk, so it sits at the target unit.
    const clerk = createCaller({ db: database.app.db, actor: user, ip: null, now: new Date() });
    const registered = await clerk.cases.register({
      receivedAt: '2026-03-04T09:00:00+08:00',
      channel: 'letter',
      peopleCount: 1,
      category: 'other',
      summary: `${name} 的信访件`,
      petitionerName: '张三',
    });
    // And a dispute in the same unit's register, found by a summary no other row has.
    const disputeSummary = `矩阵目标${name}`;
    const dispute = await clerk.registers.create({ register: 'disputes', values: disputeForm(disputeSummary) });
    // And an import batch previewed by the same clerk.
    const batch = await clerk.imports.preview({
      register: 'investigation_rounds',
      fileName: `${name}.csv`,
      bytes: MATRIX_CSV,
    });
    const countyId = countyIdOf(targets[name].unit);
    const ledger = { countyId, unitCode: targets[name].unit, createdBy: user.userId };
    await database.owner.db.insert(schema.disputes).values({
      ...ledger,
      fingerprint: `matrix-dispute-${name}`,
      foundOn: '2026-03-01',
      source: 'investigation',
      disputeType: 'neighbours',
      parties: '申请人：张三',
      severity: 'minor',
      summary: '矩阵纠纷',
    });
    const [file] = await database.owner.db
      .insert(schema.mediationFiles)
      .values({
        ...ledger,
        fingerprint: `matrix-mediation-${name}`,
        agreementNumber: `矩阵〔2026〕${name}`,
        signedOn: '2026-03-02',
        parties: '申请人：张三',
        facts: '事实',
        disputedMatters: '争议',
        responsibilities: '责任',
        rightsAndObligations: '权利义务',
        performance: '履行',
        mediator: '调解员',
        committee: '调解委员会',
      })
      .returning({ id: schema.mediationFiles.id });
    // A score and an event about the target, entered by its parent unit (the checking unit).
    const checker = {
      countyId,
      unitCode: targets[name].unit,
      enteredByUnit: parentOf(targets[name]),
      createdBy: user.userId,
      createdByName: '矩阵检查员',
    };
    await database.owner.db
      .insert(schema.inspectionScores)
      .values({ ...checker, ...checkCell(targets[name].unit), score: '50.00' });
    const [checkingEvent] = await database.owner.db
      .insert(schema.checkingEvents)
      .values({
        ...checker,
        kind: 'night-duty-off-post',
        level: 'criticism',
        occurredOn: `${CHECK_YEAR}-04-01`,
        description: `矩阵夜查${name}`,
      })
      .returning({ id: schema.checkingEvents.id });
    resolvedTargets[name] = {
      unit: targets[name].unit,
      level: targets[name].level,
      userId: user.userId,
      userRole: user.role,
      caseId: registered.id,
      disputeId: dispute.id,
      disputeSummary,
      mediationId: file!.id,
      calendarMarker: calendarMarkers[countyId],
      batchId: batch.id,
      eventId: checkingEvent!.id,
      resultId: '',
      ruleSetLabel: '',
      reportId: '',
      draftReportId: '',
      immediateId: '',
    };
    const immediate = await clerk.reports.fileImmediate({
      eventKind: 'mass_incident',
      title: `${name} 聚集`,
      summary: '村口聚集约二十人',
      occurredAt: new Date(Date.now() - 40 * 60_000).toISOString(),
      knownAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    });
    resolvedTargets[name].immediateId = immediate.id;
    // The target's own 2026-03 月报, filed; and its 2026-02 report, a draft with its narrative written.
    const filed = await clerk.reports.draft({ kind: 'monthly', periodKey: '2026-03' });
    const saved = await clerk.reports.saveDraft({
      id: filed.id,
      expectedVersion: filed.version,
      narrative: { work: `${name} 三月工作` },
    });
    await clerk.reports.submit({ id: filed.id, expectedVersion: saved.version });
    const draft = await clerk.reports.draft({ kind: 'monthly', periodKey: '2026-02' });
    await clerk.reports.saveDraft({
      id: draft.id,
      expectedVersion: draft.version,
      narrative: { work: `${name} 二月工作` },
    });
    resolvedTargets[name].reportId = filed.id;
    resolvedTargets[name].draftReportId = draft.id;
  }
  for (const countyId of [1, 2] as const) {
    await database.owner.db
      .insert(schema.workCalendars)
      .values({ countyId, year: 2027, holidays: [calendarMarkers[countyId]], makeupWorkdays: [] });
  }
  // Assessment: each county's published 2026 rule set and a 2027 draft; a published result ranking each target among its siblings.
  for (const countyId of [1, 2] as const) {
    const admin = await actorByLogin(database.owner.db, countyId === 1 ? 'a_admin' : 'b_admin');
    const published = { ...defaultRuleSet(), label: ruleSetLabels[countyId], version: '2026.1' };
    const draft = { ...defaultRuleSet(), version: '2027-draft' };
    await database.owner.db.insert(schema.assessmentRuleSets).values([
      {
        countyId,
        year: 2026,
        status: 'published',
        content: published,
        contentHash: ruleSetHash(published),
        createdBy: admin.userId,
        publishedAt: new Date(),
        publishedBy: admin.userId,
      },
      {
        countyId,
        year: 2027,
        status: 'draft',
        content: draft,
        contentHash: ruleSetHash(draft),
        createdBy: admin.userId,
      },
    ]);
  }
  for (const name of targetOrder) {
    const countyId = countyIdOf(targets[name].unit);
    const [ruleSet] = await database.owner.db
      .select()
      .from(schema.assessmentRuleSets)
      .where(sql`county_id = ${countyId} and year = 2026 and status = 'published'`);
    const unit = targets[name].unit;
    const scopeCode = targets[name].level === 'township' ? `${unit.slice(0, 6)}000000` : `${unit.slice(0, 9)}000`;
    const [result] = await database.owner.db
      .insert(schema.assessmentResults)
      .values({
        countyId,
        year: 2026,
        period: 'H1',
        scopeCode,
        rankedLevel: targets[name].level,
        ruleSetId: ruleSet!.id,
        ruleSetHash: ruleSet!.contentHash,
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        periodClosed: true,
        asOf: new Date(),
        publishedBy: ruleSet!.createdBy,
        publishedByName: 'fixture',
      })
      .returning({ id: schema.assessmentResults.id });
    await database.owner.db.insert(schema.assessmentRankings).values({
      countyId,
      resultId: result!.id,
      unitCode: unit,
      scopeCode,
      rankedLevel: targets[name].level,
      unitName: name,
      finalMilli: 90_000,
      rank: 1,
      vetoed: false,
    });
    const assessment = scoreUnit(defaultRuleSet(), { unitId: unit });
    await database.owner.db
      .insert(schema.assessmentBreakdowns)
      .values({ countyId, resultId: result!.id, unitCode: unit, assessment });
    resolvedTargets[name].resultId = result!.id;
    resolvedTargets[name].ruleSetLabel = ruleSetLabels[countyId];
  }
  // The dashboard reads the result in force for a period and scope: one Q2 result per scope ranking every target in it.
  const byScope = new Map<string, TargetName[]>();
  for (const name of targetOrder)
    byScope.set(parentOf(targets[name]), [...(byScope.get(parentOf(targets[name])) ?? []), name]);
  for (const [scopeCode, names] of byScope) {
    const countyId = countyIdOf(scopeCode);
    const [ruleSet] = await database.owner.db
      .select()
      .from(schema.assessmentRuleSets)
      .where(sql`county_id = ${countyId} and year = 2026 and status = 'published'`);
    const rankedLevel = targets[names[0]!].level;
    const [result] = await database.owner.db
      .insert(schema.assessmentResults)
      .values({
        countyId,
        year: 2026,
        period: 'Q2',
        scopeCode,
        rankedLevel,
        ruleSetId: ruleSet!.id,
        ruleSetHash: ruleSet!.contentHash,
        periodFrom: '2026-04-01',
        periodTo: '2026-06-30',
        periodClosed: true,
        asOf: new Date(),
        publishedBy: ruleSet!.createdBy,
        publishedByName: 'fixture',
      })
      .returning({ id: schema.assessmentResults.id });
    await database.owner.db.insert(schema.assessmentRankings).values(
      names.map((name, index) => ({
        countyId,
        resultId: result!.id,
        unitCode: targets[name].unit,
        scopeCode,
        rankedLevel,
        unitName: name,
        finalMilli: 90_000 - index,
        rank: index + 1,
        vetoed: false,
      })),
    );
  }
  // One audit row about each target unit, in the target's own county.
  for (const name of targetOrder) {
    const countyId = targets[name].unit.startsWith('130535') ? 2 : 1;
    await database.owner.db
      .insert(schema.auditLog)
      .values({ countyId, action: 'fixture', objectType: 'unit', objectId: targets[name].unit, result: 'ok' });
  }
});

afterAll(async () => {
  await database?.drop();
});

describe('tenant isolation matrix', () => {
  it('covers every procedure of the app router', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(expected).sort()).toEqual(procedures);
    expect(Object.keys(calls).sort()).toEqual(procedures);
  });

  let cases = 0;
  for (const procedure of Object.keys(expected)) {
    it(`${procedure}: every role × every target matches the table`, async () => {
      const mismatches: string[] = [];
      for (const role of roles) {
        const row = expected[procedure]![role];
        for (const [index, targetName] of targetOrder.entries()) {
          const want = row[index] as Outcome;
          const target = resolvedTargets[targetName];
          const caller = createCaller({ db: database.app.db, actor: actors[role], ip: '127.0.0.1', now: new Date() });
          const call = calls[procedure]!;
          const before = await snapshot();
          let got: Outcome;
          try {
            const result = await call.run(caller, target);
            got = call.kind === 'query' ? (result ? 'O' : 'N') : 'O';
          } catch (error) {
            got = outcomeOf(error);
          }
          cases++;
          const after = await snapshot();
          if (got !== want) mismatches.push(`${role} → ${targetName}: expected ${want}, got ${got}`);
          if (got !== 'O' && !sameRows(before, after))
            mismatches.push(`${role} → ${targetName}: refused (${got}) but rows changed`);
          if (call.kind === 'mutation' && got === 'O') {
            // Creations add rows (not compared); reads through a mutation-shaped call change nothing.
            const changesNothingCompared = [
              'units.create',
              'users.create',
              'cases.register',
              'cases.get',
              'cases.reveal',
              'mediation.reveal',
              'registers.create',
              'registers.get',
              'registers.reveal',
              'imports.preview',
            ];
            if (sameRows(before, after) && !changesNothingCompared.includes(procedure)) {
              mismatches.push(`${role} → ${targetName}: allowed but nothing changed`);
            }
            await restore(before);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  afterAll(() => {
    // procedures × 6 roles × 4 targets; printed for the issue note.
    process.stdout.write(`isolation cases run: ${cases}\n`);
    expect(cases).toBe(Object.keys(expected).length * roles.length * targetOrder.length);
  });
});
