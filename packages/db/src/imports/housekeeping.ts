/**
 * Housekeeping of import batches, run by the launcher as the owner (it crosses counties)
 * at startup and then periodically; `now` is an argument so tests can move the clock.
 *
 * 1. A batch left `committing` by a job that died (crash, restart) becomes `previewed`
 *    again with a note, so the clerk can commit it once more. "Died" means nobody holds
 *    the batch's job lock (batch-locks.ts) and the claim is older than a short grace, so
 *    a job that was claimed a moment ago but has not opened its transaction yet is left alone.
 * 2. Batches abandoned after preview (never committed or cancelled) are cancelled after
 *    the retention period: the uploaded file and the staged rows hold personal data. A
 *    petition batch holding reserved case numbers is never cancelled: its rows must fill them.
 * 3. Finished batches (committed, failed, cancelled) lose their staged rows and any file
 *    after the same period; the batch row with its counts stays for the record.
 * 4. Staged rows whose batch row is gone (deleted by hand: no foreign key ties them to it,
 *    docs/decisions/0022-staged-rows-without-foreign-key.md) are deleted at once; each such
 *    batch counts as purged.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { countRow, onlyRow } from '../rows.ts';
import { batchJobLock } from './batch-locks.ts';

/** Days an uploaded file and its staged rows are kept once nobody is working on them. */
export const IMPORT_RETENTION_DAYS = 7;
/** A claim younger than this is a job still starting, not a dead one. */
export const COMMIT_CLAIM_GRACE_SECONDS = 10;

export interface HousekeepingCounts {
  recovered: number;
  expired: number;
  purged: number;
}

const INTERRUPTED = {
  zh: '上次导入被中断（服务重启或故障），未写入任何记录，可以重新确认导入',
  en: 'The last commit was interrupted (a restart or a fault) and wrote nothing; you can commit again',
};
const expiredNote = (days: number) => ({
  zh: `预览后 ${days} 天未确认导入，已自动取消，上传的文件已删除`,
  en: `Not committed within ${days} days of the preview: cancelled, and the uploaded file deleted`,
});

export async function importHousekeeping(
  db: Database,
  now: Date,
  retentionDays = IMPORT_RETENTION_DAYS,
): Promise<HousekeepingCounts> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const graceCutoff = new Date(now.getTime() - COMMIT_CLAIM_GRACE_SECONDS * 1000);
  return db.transaction(async (tx) => {
    const recovered = await tx.execute(sql`update import_batches b
      set status = 'previewed', failure = ${JSON.stringify(INTERRUPTED)}::jsonb, progress_phase = 'done', updated_at = ${now.toISOString()}::timestamptz
      where b.status = 'committing' and b.updated_at < ${graceCutoff.toISOString()}::timestamptz and pg_try_advisory_xact_lock(${batchJobLock(sql`b.id`)})
      returning 1`);
    const expired = await tx.execute(sql`with gone as (
        update import_batches b
        set status = 'cancelled', file_bytes = null, failure = ${JSON.stringify(expiredNote(retentionDays))}::jsonb, progress_phase = 'done', updated_at = ${now.toISOString()}::timestamptz
        where b.status in ('previewing', 'previewed') and b.updated_at < ${cutoff.toISOString()}::timestamptz
          and b.reserved_numbers is null
        returning b.county_id, b.id
      ), rows as (
        delete from import_rows r using gone where r.county_id = gone.county_id and r.batch_id = gone.id returning 1
      ) select 1 from gone`);
    // Staged rows of every batch nobody can still commit, once the period has run.
    const purged = await tx.execute(sql`with old as (
        update import_batches b set file_bytes = null
        where b.status in ('committed', 'failed', 'cancelled') and b.updated_at < ${cutoff.toISOString()}::timestamptz
          and (b.file_bytes is not null or exists (select 1 from import_rows r where r.county_id = b.county_id and r.batch_id = b.id))
        returning b.county_id, b.id
      ), gone as (
        delete from import_rows r using old where r.county_id = old.county_id and r.batch_id = old.id returning 1
      ) select (select count(*) from old)::int as n`);
    // The batches that have staged rows, found by a skip scan of import_rows' primary key (one probe
    // per batch, not a read of every row), and of those the ones without a batch row.
    const orphaned = await tx.execute(sql`with recursive staged as (
        (select r.county_id, r.batch_id from import_rows r order by r.county_id, r.batch_id limit 1)
        union all
        select next.county_id, next.batch_id from staged s cross join lateral (
          select r.county_id, r.batch_id from import_rows r
          where (r.county_id, r.batch_id) > (s.county_id, s.batch_id)
          order by r.county_id, r.batch_id limit 1
        ) next
      ), orphans as (
        select s.county_id, s.batch_id from staged s
        where not exists (select 1 from import_batches b where b.county_id = s.county_id and b.id = s.batch_id)
      ), gone as (
        delete from import_rows r using orphans o where r.county_id = o.county_id and r.batch_id = o.batch_id returning 1
      ) select (select count(*) from orphans)::int as n`);
    return {
      recovered: recovered.length,
      expired: expired.length,
      purged: onlyRow(purged, countRow).n + onlyRow(orphaned, countRow).n,
    };
  });
}
