import { importsMessages } from './imports.ts';
import { registersMessages } from './registers.ts';
import { homeMessages } from './home.ts';
import { casesMessages } from './cases.ts';
import { calendarMessages } from './calendar.ts';
import { disputesMessages } from './disputes.ts';
import { checksMessages } from './checks.ts';

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
  checksMessages,
] as const;
