/**
 * The vocabulary of a petition case (信访件), docs/domain.md §3, written once: each list of
 * codes, and for each code its Chinese and English label and the other spellings clerks
 * use in their own ledgers (import aliases). Everything else derives from here: the
 * database column types and CHECK constraints (@tally/db schema/petition-cases.ts), the
 * pickers and validators of the web app, the i18n messages (i18n/features/cases.ts), and
 * the petition ledger import (server/imports/petition-register.ts).
 *
 * To add a value: add the code to its list and its labels to its record below (a code
 * without labels is a compile error), then `npm run db:generate` for the new CHECK.
 */

/** How one code reads to people. `zh` is what the screens show; `aliases` are only matched on import. */
export interface Term {
  zh: string;
  en: string;
  aliases?: readonly string[];
}

type Terms<Code extends string> = Readonly<Record<Code, Term>>;

export const CASE_CHANNELS = ['letter', 'visit', 'phone', 'online', 'assigned_from_above', 'reception_day'] as const;
export type Channel = (typeof CASE_CHANNELS)[number];
export const CHANNEL_TERMS: Terms<Channel> = {
  letter: { zh: '来信', en: 'Letter', aliases: ['信件', '写信'] },
  visit: { zh: '来访', en: 'Visit', aliases: ['走访', '上访'] },
  phone: { zh: '来电', en: 'Phone', aliases: ['电话'] },
  online: { zh: '网上信访', en: 'Online', aliases: ['网上', '网信', '网络'] },
  assigned_from_above: { zh: '上级交办', en: 'Assigned from above', aliases: ['交办', '上级转办'] },
  reception_day: { zh: '领导接访日', en: 'Leadership reception day', aliases: ['领导接访', '接访日'] },
};

export const CASE_CATEGORIES = [
  'land_requisition',
  'demolition',
  'enterprise_restructuring',
  'labour_social_security',
  'law_litigation',
  'special_care_relief',
  'environment',
  'education',
  'village_finances',
  'migrant_wages',
  'construction_payments',
  'resource_rights',
  'other',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CATEGORY_TERMS: Terms<CaseCategory> = {
  land_requisition: { zh: '土地征用', en: 'Land requisition', aliases: ['征地', '土地征收'] },
  demolition: { zh: '房屋拆迁', en: 'Demolition', aliases: ['拆迁', '征迁'] },
  enterprise_restructuring: { zh: '企业改制', en: 'Enterprise restructuring', aliases: ['改制'] },
  labour_social_security: {
    zh: '劳动社保',
    en: 'Labour & social security',
    aliases: ['劳动保障', '社保', '劳动和社会保障'],
  },
  law_litigation: { zh: '涉法涉诉', en: 'Law/litigation related', aliases: ['涉法', '涉诉'] },
  special_care_relief: { zh: '优抚救济', en: 'Special care & relief', aliases: ['优抚', '救济', '社会救助'] },
  environment: { zh: '环境保护', en: 'Environment', aliases: ['环保', '环境'] },
  education: { zh: '教育', en: 'Education', aliases: ['教育问题'] },
  village_finances: { zh: '村财村务', en: 'Village finances', aliases: ['村务', '村财', '村务公开'] },
  migrant_wages: { zh: '农民工工资', en: 'Migrant wages', aliases: ['欠薪', '拖欠工资', '讨薪'] },
  construction_payments: { zh: '工程款', en: 'Construction payments', aliases: ['工程欠款', '拖欠工程款'] },
  resource_rights: {
    zh: '山林矿山滩涂权属',
    en: 'Forest/mine/tidal-flat rights',
    aliases: ['山林权属', '矿山权属', '滩涂权属', '林权'],
  },
  other: { zh: '其他', en: 'Other', aliases: ['其它'] },
};

export const CASE_STATUSES = [
  'registered',
  'accepted',
  'refused',
  'assigned',
  'in_progress',
  'replied',
  'revisited',
  'archived',
] as const;
export type PetitionStatus = (typeof CASE_STATUSES)[number];
export const STATUS_TERMS: Terms<PetitionStatus> = {
  registered: { zh: '已登记', en: 'Registered' },
  accepted: { zh: '已受理', en: 'Accepted' },
  refused: { zh: '不予受理', en: 'Refused' },
  assigned: { zh: '已交办', en: 'Assigned' },
  in_progress: { zh: '办理中', en: 'In progress' },
  replied: { zh: '已答复', en: 'Replied' },
  revisited: { zh: '已回访', en: 'Revisited' },
  archived: { zh: '已归档', en: 'Archived' },
};

/** No time limit in the labels: each county sets its own (DeadlineRules, the calendar screen). */
export const COMPLEXITIES = ['simple', 'general', 'major'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];
export const COMPLEXITY_TERMS: Terms<Complexity> = {
  simple: { zh: '简单事项', en: 'Simple' },
  general: { zh: '一般事项', en: 'General' },
  major: { zh: '重大复杂事项', en: 'Major or difficult' },
};

export const REPLY_METHODS = ['phone', 'letter', 'in_person'] as const;
export type ReplyMethod = (typeof REPLY_METHODS)[number];
export const REPLY_METHOD_TERMS: Terms<ReplyMethod> = {
  phone: { zh: '电话答复', en: 'By phone' },
  letter: { zh: '书面答复', en: 'By letter' },
  in_person: { zh: '当面答复', en: 'In person' },
};

export const SATISFACTIONS = ['satisfied', 'basically', 'not'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_TERMS: Terms<Satisfaction> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Basically satisfied' },
  not: { zh: '不满意', en: 'Not satisfied' },
};

/** What a case history row records: intake (register) and every workflow action. */
export const CASE_ACTIONS = [
  'register',
  'accept',
  'refuse',
  'assign',
  'start',
  'reply',
  'revisit',
  'archive',
  'escalate',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const ACTION_TERMS: Terms<CaseAction> = {
  register: { zh: '登记', en: 'Register' },
  accept: { zh: '受理', en: 'Accept' },
  refuse: { zh: '不予受理', en: 'Refuse' },
  assign: { zh: '交办/转办', en: 'Assign' },
  start: { zh: '开始办理', en: 'Start handling' },
  reply: { zh: '答复', en: 'Reply' },
  revisit: { zh: '回访', en: 'Revisit' },
  archive: { zh: '归档', en: 'Archive' },
  escalate: { zh: '提级办理', en: 'Escalate' },
};

/** Every vocabulary by the name its i18n keys use (`cases.<name>.<code>`). */
export const CASE_VOCABULARIES = {
  channel: { codes: CASE_CHANNELS, terms: CHANNEL_TERMS },
  category: { codes: CASE_CATEGORIES, terms: CATEGORY_TERMS },
  status: { codes: CASE_STATUSES, terms: STATUS_TERMS },
  complexity: { codes: COMPLEXITIES, terms: COMPLEXITY_TERMS },
  replyMethod: { codes: REPLY_METHODS, terms: REPLY_METHOD_TERMS },
  satisfaction: { codes: SATISFACTIONS, terms: SATISFACTION_TERMS },
  action: { codes: CASE_ACTIONS, terms: ACTION_TERMS },
} as const;

/** Whether `value` is one of `codes` (a type guard for input from outside). */
export function isCode<Code extends string>(codes: readonly Code[], value: unknown): value is Code {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}
