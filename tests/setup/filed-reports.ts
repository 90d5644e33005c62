import { sql } from 'drizzle-orm';
import type { Database } from '@tally/db';

/**
 * Monthly reports of a unit, filed and accepted on time (09:00 Shanghai on the 1st of the next
 * month, within every grace period), written with the owner connection: for tests whose subject
 * is not reporting but whose scores must not lose points to reports nobody filed.
 */
export async function fileMonthlyReports(
  owner: Database,
  countyId: number,
  unitCode: string,
  year: number,
  months: readonly number[],
  filedBy: string,
): Promise<void> {
  const parentCode =
    unitCode.endsWith('000') && !unitCode.endsWith('000000')
      ? `${unitCode.slice(0, 6)}000000`
      : `${unitCode.slice(0, 9)}000`;
  for (const month of months) {
    const periodKey = `${year}-${String(month).padStart(2, '0')}`;
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const filedAt = `${next}T01:00:00Z`;
    const narrative = JSON.stringify({ work: '按时报送', problems: '', plans: '' });
    const [report] = [
      ...(await owner.execute(sql`insert into reports (county_id, unit_code, parent_code, kind, period_key, state, narrative, version, filed_version_no, submitted_at, created_by)
      values (${countyId}, ${unitCode}, ${parentCode}, 'monthly', ${periodKey}, 'accepted', ${narrative}::jsonb, 2, 1, ${filedAt}::timestamptz, ${filedBy}) returning id`)),
    ] as Array<{ id: string }>;
    await owner.execute(sql`insert into report_versions (county_id, report_id, unit_code, parent_code, version_no, draft_version, zero, figures, narrative, submitted_at, submitted_by, submitted_by_name, review_outcome, reviewed_at)
      values (${countyId}, ${report!.id}, ${unitCode}, ${parentCode}, 1, 0, false, '{}', ${narrative}::jsonb, ${filedAt}::timestamptz, ${filedBy}, '测试', 'accepted', ${filedAt}::timestamptz)`);
  }
}
