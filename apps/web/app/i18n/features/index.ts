import { registersMessages } from './registers.ts';
import { calendarMessages } from './calendar.ts';
import { disputesMessages } from './disputes.ts';

/*
 * Feature catalogs, merged into zh-CN.ts and en.ts. Add a feature here with one line.
 */
export const featureCatalogs = [
  registersMessages,
  calendarMessages,
  disputesMessages,
] as const;
