import { importsMessages } from './imports.ts';
import { registersMessages } from './registers.ts';

/*
 * Feature catalogs, merged into zh-CN.ts and en.ts. Add a feature here with one line.
 */
export const featureCatalogs = [
  registersMessages,
  importsMessages,
] as const;
