import type { Transaction } from '@tally/db';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { auditPage, type AuditFilters } from './audit-query.ts';

/** Rows per page of an audit export: the file streams page by page. */
export const AUDIT_EXPORT_PAGE_SIZE = 2_000;

/**
 * One page of the filtered log for a spreadsheet. The first page (no cursor) is itself audited
 * with the filters: who read the log out, and which part. Nothing beyond the screen's columns:
 * the detail (field names, reasons) stays in the log.
 */
export async function auditExportPage(
  tx: Transaction,
  ctx: AuthedContext,
  input: AuditFilters & { cursor?: string | undefined },
) {
  const { cursor, ...filters } = input;
  if (!cursor)
    await auditChange(tx, ctx, {
      action: 'audit.export',
      objectType: 'audit_log',
      objectId: ctx.actor.unitCode,
      detail: { filters },
    });
  return auditPage(tx, ctx.actor, filters, cursor, AUDIT_EXPORT_PAGE_SIZE);
}
