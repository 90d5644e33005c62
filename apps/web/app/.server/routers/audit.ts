import { auditCursor, auditFilters, auditPage } from '../audit/audit-query.ts';
import { auditChange, roleProcedure, router } from '../trpc.ts';

export const AUDIT_PAGE_SIZE = 50;
/** Rows per page of an audit export: the file streams page by page. */
export const AUDIT_EXPORT_PAGE_SIZE = 2_000;

export const auditRouter = router({
  /** Newest first, filtered, one keyset page at a time. Only the auditor reads the log (separation of duties). */
  list: roleProcedure('auditor')
    .input(auditFilters.extend({ cursor: auditCursor.optional() }))
    .query(({ ctx, input }) => ctx.run((tx) => auditPage(tx, ctx.actor, input, input.cursor, AUDIT_PAGE_SIZE))),

  /**
   * The filtered log for a spreadsheet, in pages the export streams. The first page (no
   * cursor) is itself audited with the filters: who read the log out, and which part.
   * Nothing beyond the screen's columns: the detail (field names, reasons) stays in the log.
   */
  exportRows: roleProcedure('auditor')
    .input(auditFilters.extend({ cursor: auditCursor.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const { cursor, ...filters } = input;
        if (!cursor)
          await auditChange(tx, ctx, {
            action: 'audit.export',
            objectType: 'audit_log',
            objectId: ctx.actor.unitCode,
            detail: { filters },
          });
        return auditPage(tx, ctx.actor, filters, cursor, AUDIT_EXPORT_PAGE_SIZE);
      }),
    ),
});
