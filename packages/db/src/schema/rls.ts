import { sql, type SQL } from 'drizzle-orm';
import { pgRole } from 'drizzle-orm/pg-core';

/**
 * The role the application connects as. It owns nothing and has no BYPASSRLS,
 * so every policy below applies to it. Created by migration 0000 (NOLOGIN);
 * the launcher gives it LOGIN and a password.
 */
export const appRole = pgRole('tally_app').existing();

/*
 * Request context, set per transaction by withActor(). Each reads through
 * `(select ...)` so Postgres evaluates it once per query (an InitPlan), not per
 * row. `nullif(..., '')` turns an unset setting on a reused connection (which
 * reads '') into NULL, and every comparison with NULL is false: "nothing",
 * never "everything".
 */
export const currentCountyId = sql`(select nullif(current_setting('app.county_id', true), '')::int)`;
export const currentScope = sql`(select nullif(current_setting('app.scope', true), ''))`;
export const currentUserId = sql`(select nullif(current_setting('app.user_id', true), '')::uuid)`;
/** Set only by the sign-in path: the login name being tried / the session being presented. */
export const currentLoginName = sql`(select nullif(current_setting('app.login_name', true), ''))`;
export const currentSessionId = sql`(select nullif(current_setting('app.session_id', true), ''))`;
/** The actor's own unit code: its scope padded with zeros to 12 digits. */
export const currentUnitCode = sql`rpad(${currentScope}, 12, '0')`;

/** Row belongs to the actor's county. */
export function sameCounty(countyColumn: SQL | unknown): SQL {
  return sql`${countyColumn} = ${currentCountyId}`;
}

/**
 * Row's unit code lies in the actor's scope (own unit and below). starts_with, not
 * `like scope || '%'`: no pattern is built per row, and the planner gives a function
 * its default selectivity (1/3) rather than LIKE's 0.5%, which had it sort a whole
 * county's rows for a 20-row page instead of walking the date index.
 */
export function inScope(unitCodeColumn: SQL | unknown): SQL {
  return sql`starts_with(${unitCodeColumn}, ${currentScope})`;
}

/**
 * Actor's role is one of the given roles. Literal role names only (never user input).
 * The whole test sits inside the sub-select, so it mentions no column: Postgres runs it
 * once as a one-time filter and does not count it against the row estimate.
 */
export function roleIn(...roles: readonly string[]): SQL {
  const list = sql.raw(roles.map((role) => `'${role.replace(/[^a-z_]/g, '')}'`).join(', '));
  return sql`(select nullif(current_setting('app.role', true), '') in (${list}))`;
}

/**
 * Row's unit lies strictly below the actor's unit: in scope, and not the actor's own unit
 * (a unit's own code is its scope padded with zeros to 12 digits). Used where a unit above
 * writes about a unit below it and must never write about itself (inspection scores).
 */
export function belowScope(unitCodeColumn: SQL | unknown): SQL {
  return sql`(${inScope(unitCodeColumn)} and ${unitCodeColumn} <> ${currentUnitCode})`;
}

/**
 * The actor's role may do `action` to an account holding the role in `roleColumn`
 * (users_may(), the rule table of docs/security.md, created by migration 0016).
 */
export function userMay(action: 'grant' | 'manage', roleColumn: SQL | unknown): SQL {
  // The action is one of two literals, spliced as SQL text: a policy cannot hold a bound parameter.
  return sql`users_may((select nullif(current_setting('app.role', true), '')), ${sql.raw(`'${action}'`)}, ${roleColumn})`;
}
