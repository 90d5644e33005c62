import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@tally/db';
import { roleProcedure, router } from '../trpc.ts';

export const AUDIT_PAGE_SIZE = 50;

export const auditRouter = router({
  /** Newest first, one page at a time. Only the auditor reads the log (separation of duties). */
  list: roleProcedure('auditor')
    .input(z.object({ page: z.number().int().min(1).max(100000).default(1) }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const rows = await tx
          .select()
          .from(schema.auditLog)
          .where(eq(schema.auditLog.countyId, ctx.actor.countyId))
          .orderBy(desc(schema.auditLog.at), desc(schema.auditLog.id))
          .limit(AUDIT_PAGE_SIZE + 1)
          .offset((input.page - 1) * AUDIT_PAGE_SIZE);
        return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE, page: input.page };
      }),
    ),
});
