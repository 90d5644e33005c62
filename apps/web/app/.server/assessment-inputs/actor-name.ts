import { and, eq } from 'drizzle-orm';
import { schema, type Actor, type Transaction } from '@tally/db';

/**
 * The name stored with an entry (created_by_name), so the history reads "who" without a
 * join into users the reader may not see. Falls back to the login name.
 */
export async function actorDisplayName(tx: Transaction, actor: Actor): Promise<string> {
  const [user] = await tx
    .select({ displayName: schema.users.displayName })
    .from(schema.users)
    .where(and(eq(schema.users.countyId, actor.countyId), eq(schema.users.id, actor.userId)));
  return user?.displayName ?? actor.loginName;
}
