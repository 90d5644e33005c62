import { sql } from 'drizzle-orm';
import type { Database, Transaction } from './client.ts';
import type { UserRole } from './schema/roles.ts';

/** Who is asking: everything a policy needs to decide, taken from the session. */
export interface Actor {
  countyId: number;
  userId: string;
  role: UserRole;
  /** Code prefix of the actor's unit: 6 digits county, 9 township, 12 village. */
  scope: string;
  unitCode: string;
  loginName: string;
}

/** Context for the sign-in path, before an actor exists. */
export interface SignInContext {
  countyId: number;
  loginName?: string;
  sessionId?: string;
}

type Settings = Record<
  'app.county_id' | 'app.scope' | 'app.user_id' | 'app.role' | 'app.login_name' | 'app.session_id',
  string
>;

/*
 * The one place request identity reaches Postgres. set_config(..., true) is
 * transaction-local, so a pooled connection never carries one request's
 * identity into the next; values are bound parameters, never spliced SQL.
 * Under Citus this becomes validated `SET LOCAL` statements (Citus forwards
 * those, not set_config) and nothing else changes.
 */
function applySettings(tx: Transaction, settings: Settings): Promise<unknown> {
  // `.then` is called here and now, not by an `await` a microtask later: that queues the statement
  // on the connection before the caller's own statements (see settingsThen).
  return tx
    .execute(sql`select
    set_config('app.county_id', ${settings['app.county_id']}, true),
    set_config('app.scope', ${settings['app.scope']}, true),
    set_config('app.user_id', ${settings['app.user_id']}, true),
    set_config('app.role', ${settings['app.role']}, true),
    set_config('app.login_name', ${settings['app.login_name']}, true),
    set_config('app.session_id', ${settings['app.session_id']}, true)`)
    .then(() => undefined);
}

/**
 * The settings, then `fn`, without waiting for the settings' answer: the settings statement is
 * sent first and `fn`'s first statement goes out behind it on the same connection, one round
 * trip instead of two. A transaction's connection runs its statements in the order they reach
 * postgres.js, and a drizzle statement reaches it a fixed number of microtasks after its `then`
 * is called. The settings' `then` is called before `fn` starts (applySettings), and no statement
 * of `fn` can have its `then` called earlier than that, however it is written (`await`, an
 * explicit `.then`, `Promise.all`): every statement of `fn` runs after the settings. The test
 * (packages/db/test/with-actor.db.test.ts) issues statements each of those ways. Should the
 * settings fail, the transaction is aborted, `fn`'s statements fail with it, and the settings'
 * error is the one thrown.
 */
async function settingsThen<T>(tx: Transaction, settings: Settings, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const applied = applySettings(tx, settings);
  const result = fn(tx);
  // Both are awaited together so neither rejection goes unhandled.
  const [, value] = await Promise.all([applied, result]);
  return value;
}

/** Run `fn` in one transaction as `actor`; every statement is under its policies. */
export function withActor<T>(db: Database, actor: Actor, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction((tx) =>
    settingsThen(
      tx,
      {
        'app.county_id': String(actor.countyId),
        'app.scope': actor.scope,
        'app.user_id': actor.userId,
        'app.role': actor.role,
        'app.login_name': '',
        'app.session_id': '',
      },
      fn,
    ),
  );
}

/** Run `fn` as the sign-in path: only the named login's row or the presented session is visible. */
export function withSignInContext<T>(
  db: Database,
  context: SignInContext,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) =>
    settingsThen(
      tx,
      {
        'app.county_id': String(context.countyId),
        'app.scope': '',
        'app.user_id': '',
        'app.role': '',
        'app.login_name': context.loginName ?? '',
        'app.session_id': context.sessionId ?? '',
      },
      fn,
    ),
  );
}

/** The scope prefix of a 12-digit unit code at a level. */
export function scopeOf(unitCode: string, level: 'county' | 'township' | 'village'): string {
  const length = level === 'county' ? 6 : level === 'township' ? 9 : 12;
  return unitCode.slice(0, length);
}
