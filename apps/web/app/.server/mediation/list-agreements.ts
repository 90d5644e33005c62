import { count, desc } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import type { AuthedContext } from '../trpc.ts';
import { shownTo, visibleTo } from './agreement-access.ts';

const m = schema.mediationFiles;

/** One page of agreements, newest signing first. */
export async function listAgreements(tx: Transaction, ctx: AuthedContext, input: { page: number; pageSize: number }) {
  const where = visibleTo(ctx);
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: m.id,
        unitCode: m.unitCode,
        agreementNumber: m.agreementNumber,
        signedOn: m.signedOn,
        parties: m.parties,
        mediator: m.mediator,
        committee: m.committee,
      })
      .from(m)
      .where(where)
      .orderBy(desc(m.signedOn), desc(m.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    tx.select({ n: count() }).from(m).where(where),
  ]);
  return {
    page: input.page,
    pageSize: input.pageSize,
    total: total?.n ?? 0,
    rows: rows.map(({ id, unitCode, agreementNumber, signedOn, ...values }) => ({
      id,
      unitCode,
      agreementNumber,
      signedOn,
      ...shownTo({ unitCode }, values, ctx),
    })),
  };
}
