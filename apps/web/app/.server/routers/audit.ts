import { auditExportPage } from '../audit/audit-export.ts';
import { auditCursor, auditFilters, auditPage } from '../audit/audit-query.ts';
import { roleProcedure, router } from '../trpc.ts';

export const AUDIT_PAGE_SIZE = 50;

export const auditRouter = router({
  /** Newest first, filtered, one keyset page at a time. Only the auditor reads the log (separation of duties). */
  list: roleProcedure('auditor')
    .input(auditFilters.extend({ cursor: auditCursor.optional() }))
    .query(({ ctx, input }) => ctx.run((tx) => auditPage(tx, ctx.actor, input, input.cursor, AUDIT_PAGE_SIZE))),

  /** The filtered log for a spreadsheet, in pages the export streams; the first page is audited with the filters. */
  exportRows: roleProcedure('auditor')
    .input(auditFilters.extend({ cursor: auditCursor.optional() }))
    .mutation(({ ctx, input }) => ctx.run((tx) => auditExportPage(tx, ctx, input))),
});
