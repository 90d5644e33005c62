export * from './counties.ts';
export * from './units.ts';
export * from './users.ts';
export * from './sessions.ts';
export * from './audit-log.ts';
export * from './account-directory.ts';
export * from './roles.ts';
export * from './petition-cases.ts';
