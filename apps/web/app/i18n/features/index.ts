import { importsMessages } from './imports.ts';
import { importBatchesMessages } from './import-batches.ts';
import { registersMessages } from './registers.ts';
import { homeMessages } from './home.ts';
import { casesMessages } from './cases.ts';
import { calendarMessages } from './calendar.ts';
import { disputesMessages } from './disputes.ts';
import { assessmentMessages } from './assessment.ts';
import { requestMessages } from './requests.ts';
import { checksMessages } from './checks.ts';
import { dashboardMessages } from './dashboard.ts';
import { reportsMessages } from './reports.ts';
import { inputRuleMessages } from './input-rules.ts';
import { auditMessages } from './audit.ts';

/*
 * Feature catalogs, merged into zh-CN.ts and en.ts. Add a feature here with one line.
 */
export const featureCatalogs = [
  registersMessages,
  homeMessages,
  casesMessages,
  calendarMessages,
  disputesMessages,
  importsMessages,
  importBatchesMessages,
  assessmentMessages,
  requestMessages,
  checksMessages,
  dashboardMessages,
  reportsMessages,
  inputRuleMessages,
  auditMessages,
] as const;
