/**
 * The case vocabularies the pages offer in pickers. The same lists the router validates
 * against (services/case-filters.ts), re-exported so client code never imports server files.
 */
export const CASE_CHANNELS = ['letter', 'visit', 'phone', 'online', 'assigned_from_above', 'reception_day'] as const;
export const CASE_CATEGORIES = [
  'land_requisition', 'demolition', 'enterprise_restructuring', 'labour_social_security', 'law_litigation', 'special_care_relief',
  'environment', 'education', 'village_finances', 'migrant_wages', 'construction_payments', 'resource_rights', 'other',
] as const;
export const CASE_STATUSES = ['registered', 'accepted', 'refused', 'assigned', 'in_progress', 'replied', 'revisited', 'archived'] as const;
export const COMPLEXITIES = ['simple', 'general', 'major'] as const;
export const REPLY_METHODS = ['phone', 'letter', 'in_person'] as const;
export const SATISFACTIONS = ['satisfied', 'basically', 'not'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
