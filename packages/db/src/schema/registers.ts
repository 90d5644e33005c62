import { date, integer, text } from 'drizzle-orm/pg-core';
import { ledgerTable } from './ledger-table.ts';

/*
 * The default registers of docs/domain.md §2 (petitions are petition_cases).
 * Enumerations are stored as stable English codes; labels live with the UI.
 */

/** 排查记录: a findings count of 0 is a valid, required record (零报告). */
export const investigationRounds = ledgerTable(
  'investigation_rounds',
  {
    heldOn: date('held_on').notNull(),
    scope: text('scope', { enum: ['routine', 'key_period', 'special'] }).notNull(),
    findingsCount: integer('findings_count').notNull(),
    investigator: text('investigator'),
    notes: text('notes'),
  },
  'heldOn',
);

/** 会议记录 */
export const meetings = ledgerTable(
  'meetings',
  {
    heldOn: date('held_on').notNull(),
    kind: text('kind', { enum: ['director_weekly', 'member_monthly', 'joint'] }).notNull(),
    topic: text('topic'),
    host: text('host'),
    attendees: text('attendees').notNull(),
    absentees: text('absentees'),
    absentCount: integer('absent_count').notNull().default(0),
    decisions: text('decisions'),
  },
  'heldOn',
);

/** 值班记录 */
export const dutyLogs = ledgerTable(
  'duty_logs',
  {
    dutyOn: date('duty_on').notNull(),
    leader: text('leader').notNull(),
    staff: text('staff').notNull(),
    events: text('events'),
    handling: text('handling'),
  },
  'dutyOn',
);

/** 普法宣传记录 */
export const publicityRecords = ledgerTable(
  'publicity_records',
  {
    heldOn: date('held_on').notNull(),
    form: text('form', { enum: ['broadcast', 'leaflets', 'lecture', 'banner', 'online', 'other'] }).notNull(),
    audienceSize: integer('audience_size').notNull(),
    topic: text('topic'),
    place: text('place'),
  },
  'heldOn',
);

/** 信息报送 */
export const infoSubmissions = ledgerTable(
  'info_submissions',
  {
    submittedOn: date('submitted_on').notNull(),
    title: text('title').notNull(),
    adoptedLevel: text('adopted_level', { enum: ['none', 'township', 'county', 'city', 'province', 'central'] })
      .notNull()
      .default('none'),
    submitter: text('submitter'),
  },
  'submittedOn',
);

/** 安全隐患排查 */
export const hazardChecks = ledgerTable(
  'hazard_checks',
  {
    checkedOn: date('checked_on').notNull(),
    place: text('place').notNull(),
    hazard: text('hazard').notNull(),
    rectifyBy: date('rectify_by'),
    rectificationStatus: text('rectification_status', { enum: ['open', 'in_progress', 'rectified'] })
      .notNull()
      .default('open'),
    responsible: text('responsible'),
  },
  'checkedOn',
);

/** 矛盾纠纷排查调处: parties are personal data (§8). */
export const disputes = ledgerTable(
  'disputes',
  {
    foundOn: date('found_on').notNull(),
    // A sheet without a source column means the village's own investigation round found it.
    source: text('source', { enum: ['investigation', 'visit', 'referral'] })
      .notNull()
      .default('investigation'),
    disputeType: text('dispute_type', {
      enum: [
        'marriage_family',
        'neighbours',
        'compensation',
        'labour',
        'property_management',
        'land',
        'forest_rights',
        'requisition',
        'other',
      ],
    }).notNull(),
    parties: text('parties').notNull(),
    partyIdNumber: text('party_id_number'),
    partyPhone: text('party_phone'),
    severity: text('severity', { enum: ['minor', 'ordinary', 'major'] }).notNull(),
    summary: text('summary').notNull(),
    mediator: text('mediator'),
    method: text('method', { enum: ['people', 'administrative', 'judicial'] }),
    outcome: text('outcome', { enum: ['pending', 'settled', 'failed'] })
      .notNull()
      .default('pending'),
    settledOn: date('settled_on'),
    revisitClass: integer('revisit_class'),
    satisfaction: text('satisfaction', { enum: ['satisfied', 'basically', 'not'] }),
  },
  'foundOn',
);

/** 调解卷宗 / 调解协议书: everything §4 says the written agreement must carry. */
export const mediationFiles = ledgerTable(
  'mediation_files',
  {
    agreementNumber: text('agreement_number').notNull(),
    signedOn: date('signed_on').notNull(),
    disputeId: text('dispute_id'),
    parties: text('parties').notNull(),
    partyIdNumber: text('party_id_number'),
    facts: text('facts').notNull(),
    disputedMatters: text('disputed_matters').notNull(),
    responsibilities: text('responsibilities').notNull(),
    rightsAndObligations: text('rights_and_obligations').notNull(),
    performance: text('performance').notNull(),
    mediator: text('mediator').notNull(),
    committee: text('committee').notNull(),
  },
  'signedOn',
);

/** Every register table, for grants, FORCE, and the backstop tests. */
export const registerTables = {
  investigation_rounds: investigationRounds,
  meetings,
  duty_logs: dutyLogs,
  publicity_records: publicityRecords,
  info_submissions: infoSubmissions,
  hazard_checks: hazardChecks,
  disputes,
  mediation_files: mediationFiles,
} as const;
