import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '@tally/db';
import { DISPUTE_TYPE_WEIGHTS } from '../demo-dispute-texts.ts';
import { draw, shanghaiAt, weighted } from './sql-draws.ts';

/**
 * The eight registers of docs/domain.md §2 over the whole history, one INSERT … SELECT per
 * register: the units × the days (× shifts or draws) of the dimension tables, each row kept or
 * dropped and filled by draws from its own key. Cadences follow the "三个排查" and the duty rules:
 * every unit keeps a day and a night duty shift every day; a village's grid workers (网格员) make
 * a round every day, a township every week plus a special round a month, the county a monthly
 * one, everyone a key-period round before each holiday; director meetings weekly, member
 * meetings monthly; hazard checks and village broadcasts twice a week; disputes found on about
 * one village day in fourteen, nearly all settled, a share with a written agreement.
 *
 * Fingerprints are sha256 of the row's key, not of its canonical values as an import computes
 * them: unique per unit as the table demands, but re-importing an exported sheet would add the
 * rows again. The bench needs volume and shape, not that round trip; the demo seed keeps it.
 */
export async function insertLedgers(
  tx: Transaction,
  countyId: number,
  seed: string,
  timed: (step: string, work: () => Promise<unknown>) => Promise<unknown>,
): Promise<void> {
  for (const [table, statement] of Object.entries(ledgerStatements(countyId, seed)))
    await timed(`  ${table}`, () => tx.execute(statement));
}

/** Eight independent draws per row: four from each of its two hashes. */
const u = (i: 0 | 1 | 2 | 3) => draw(sql`r.h`, i);
const v = (i: 0 | 1 | 2 | 3) => draw(sql`r.h2`, i);
const clerk = (i: 0 | 1 | 2 | 3) => sql`pg_temp.pick(g.clerks, ${u(i)})`;

/** The FROM part every statement shares: a unit, its pools, and the row's key and hash. */
function keyed(from: SQL, key: SQL): SQL {
  return sql`${from} cross join gen_pools p
    cross join lateral (select ${key} as k) k
    cross join lateral (select md5(k.k || ':u') as h, md5(k.k || ':v') as h2) r`;
}

/** The shared columns' values: county, id and fingerprint from the key, the unit, its keeper, the time written. */
function shared(countyId: number, writtenAt: SQL): SQL {
  return sql`${sql.raw(String(countyId))}, pg_temp.key_uuid(k.k), g.code, encode(sha256(convert_to(k.k, 'UTF8')), 'hex'), g.keeper, ${writtenAt}, ${writtenAt}`;
}
const SHARED_COLUMNS = sql.raw('county_id, id, unit_code, fingerprint, created_by, created_at, updated_at');

function ledgerStatements(countyId: number, seed: string): Record<string, SQL> {
  const key = (table: string, ...parts: SQL[]) =>
    sql`${seed}::text || ${`:${table}`}::text || ${sql.join(
      parts.map((part) => sql`':' || ${part}`),
      sql` || `,
    )}`;
  const unitDays = sql`gen_units g cross join gen_days d`;
  const person = (i: 0 | 2) =>
    sql`pg_temp.pick(p.surnames, ${v(i)}) || pg_temp.pick(p.given_names, ${v((i + 1) as 1 | 3)})`;

  const duty = sql`insert into duty_logs (${SHARED_COLUMNS}, duty_on, leader, staff, events, handling)
    select ${shared(countyId, sql`case x.shift when 1 then ${shanghaiAt(sql`d.day`, '17:30')} else ${shanghaiAt(sql`d.day + 1`, '08:00')} end`)}, d.day,
      case when x.shift = 1 then g.head else g.mediator end, ${clerk(0)},
      p.duty_events[1 + floor(${u(1)} * cardinality(p.duty_events))::int], p.duty_handling[1 + floor(${u(1)} * cardinality(p.duty_handling))::int]
    from ${keyed(sql`${unitDays} cross join generate_series(1, 2) as x(shift)`, key('duty', sql`g.code`, sql`d.day`, sql`x.shift`))}
    -- A village sometimes leaves a day unwritten (both shifts): the assessment's duty-log gaps.
    where not (g.level = 'village' and d.working and pg_temp.u01(md5(${seed}::text || ':gap:' || g.code || ':' || d.day), 1) < 0.004)`;

  const findings = weighted(u(1), [
    [0, 93],
    [1, 6],
    [2, 1],
  ]);
  const rounds = sql`insert into investigation_rounds (${SHARED_COLUMNS}, held_on, scope, findings_count, investigator, notes)
    select ${shared(countyId, shanghaiAt(sql`d.day`, '16:00'))}, d.day, x.scope, f.findings, g.mediator || '、' || ${clerk(0)},
      case when f.findings = 0 then '排查辖区未发现矛盾纠纷和不稳定因素，零报告。' else '排查发现矛盾纠纷' || f.findings || '起，已登记台账并明确调处责任人。' end
    from ${keyed(
      sql`${unitDays} cross join lateral (values
        (case when g.level = 'village' then 'routine' end),
        (case when g.level = 'township' and d.wd = g.weekday and d.working then 'routine' end),
        (case when g.level = 'township' and extract(day from d.day) = 10 + g.weekday then 'special' end),
        (case when g.level = 'county' and extract(day from d.day) = 15 then 'routine' end),
        (case when d.eve then 'key_period' end)
      ) as x(scope)`,
      key('round', sql`g.code`, sql`d.day`, sql`x.scope`),
    )}
      cross join lateral (select ${findings} as findings) f
    where x.scope is not null`;

  const meetings = sql`insert into meetings (${SHARED_COLUMNS}, held_on, kind, topic, host, attendees, absentees, absent_count, decisions)
    select ${shared(countyId, shanghaiAt(sql`w.day`, '11:00'))}, w.day, x.kind, pg_temp.pick(p.meeting_topics, ${u(0)}), g.head,
      g.head || '、' || g.mediator || '、' || array_to_string(case when ${u(1)} < 0.2 then g.clerks[2:3] else g.clerks end, '、'),
      case when ${u(1)} < 0.2 then g.clerks[1] || '（请假）' end, case when ${u(1)} < 0.2 then 1 else 0 end,
      pg_temp.pick(p.meeting_decisions, ${u(2)})
    from ${keyed(
      sql`gen_units g join gen_week_days w on w.weekday = 0 cross join lateral (values
        ('director_weekly'),
        (case when extract(day from w.day) <= 7 then 'member_monthly' end),
        (case when g.level <> 'village' and extract(day from w.day) between 15 and 21 then 'joint' end)
      ) as x(kind)`,
      key('meeting', sql`g.code`, sql`w.day`, sql`x.kind`),
    )}
    where x.kind is not null`;

  const publicity = sql`insert into publicity_records (${SHARED_COLUMNS}, held_on, form, audience_size, topic, place)
    select ${shared(countyId, shanghaiAt(sql`w.day`, '15:00'))}, w.day, x.form,
      case x.form when 'broadcast' then 300 + floor(${u(1)} * 1200)::int when 'lecture' then 30 + floor(${u(1)} * 90)::int else 40 + floor(${u(1)} * 360)::int end,
      pg_temp.pick(p.publicity_topics, ${u(2)}), pg_temp.pick(p.publicity_places, ${u(3)})
    from ${keyed(
      sql`gen_units g join gen_week_days w on w.weekday in (1, 3) cross join lateral (select
        ${weighted(sql`pg_temp.u01(md5(${seed}::text || ':form:' || g.code || ':' || w.day), 1)`, [
          ['broadcast', 45],
          ['leaflets', 20],
          ['lecture', 10],
          ['banner', 12],
          ['online', 10],
          ['other', 3],
        ])} as form) x`,
      key('publicity', sql`g.code`, sql`w.day`, sql`w.weekday`),
    )}
    where g.level = 'village' or ${u(0)} < 0.5`;

  const adopted = sql`case g.level
      when 'village' then ${weighted(u(1), [
        ['none', 80],
        ['township', 20],
      ])}
      when 'township' then ${weighted(u(1), [
        ['none', 45],
        ['county', 42],
        ['city', 11],
        ['province', 2],
      ])}
      else ${weighted(u(1), [
        ['none', 50],
        ['city', 40],
        ['province', 10],
      ])} end`;
  const info = sql`insert into info_submissions (${SHARED_COLUMNS}, submitted_on, title, adopted_level, submitter)
    select ${shared(countyId, shanghaiAt(sql`w.day`, '10:00'))}, w.day, g.name || pg_temp.pick(p.info_titles, ${u(2)}), ${adopted}, ${clerk(3)}
    from ${keyed(sql`gen_units g join gen_week_days w on w.weekday = 2`, key('info', sql`g.code`, sql`w.day`))}
    where ${u(0)} < case g.level when 'village' then 0.11 when 'township' then 0.7 else 0.9 end`;

  const hazards = sql`insert into hazard_checks (${SHARED_COLUMNS}, checked_on, place, hazard, rectify_by, rectification_status, responsible)
    select ${shared(countyId, shanghaiAt(sql`w.day`, '14:00'))}, w.day, g.name || p.hazard_places[x.i], p.hazards[x.i], x.rectify_by,
      case when x.rectify_by < (select max(day) from gen_days) then ${weighted(u(2), [
        ['rectified', 90],
        ['in_progress', 6],
        ['open', 4],
      ])}
           else ${weighted(u(2), [
             ['open', 45],
             ['in_progress', 40],
             ['rectified', 15],
           ])} end,
      case when ${u(3)} < 0.5 then g.head else ${clerk(3)} end
    from ${keyed(sql`gen_units g join gen_week_days w on w.weekday in (1, 4)`, key('hazard', sql`g.code`, sql`w.day`, sql`w.weekday`))}
      cross join lateral (select 1 + floor(${u(1)} * cardinality(p.hazards))::int as i,
        w.day + (array[7, 10, 15, 30])[1 + floor(${u(3)} * 4)::int] as rectify_by) x
    where g.level <> 'county' and (g.level = 'village' or ${u(0)} < 0.5)`;

  const typeCase = weighted(u(1), DISPUTE_TYPE_WEIGHTS);
  const disputes = sql`insert into disputes (${SHARED_COLUMNS}, found_on, source, dispute_type, parties, party_phone, severity, summary,
      mediator, method, outcome, settled_on, satisfaction)
    select ${shared(countyId, shanghaiAt(sql`d.day`, '16:30'))}, d.day, x.source, x.type, x.parties,
      '13' || lpad((floor(${u(2)} * 1000000000))::bigint::text, 9, '0'), x.severity,
      x.parties || '因' || (p.matters -> x.type ->> floor(${u(2)} * jsonb_array_length(p.matters -> x.type))::int) || '问题发生纠纷，' || case x.source when 'investigation' then '网格员排查发现。' when 'visit' then '当事人来访反映。' else '上级转办。' end,
      g.mediator, case when x.outcome <> 'pending' then ${weighted(u(3), [
        ['people', 85],
        ['administrative', 10],
        ['judicial', 5],
      ])} end,
      x.outcome, case when x.outcome = 'settled' then least(d.day + 1 + floor(${u(3)} * 20)::int, (select max(day) from gen_days)) end,
      case when x.outcome = 'settled' then ${weighted(v(0), [
        ['satisfied', 85],
        ['basically', 12],
        ['not', 3],
      ])} end
    from ${keyed(sql`${unitDays}`, key('dispute', sql`g.code`, sql`d.day`))}
      cross join lateral (select
        ${weighted(v(1), [
          ['investigation', 72],
          ['visit', 23],
          ['referral', 5],
        ])} as source,
        ${typeCase} as type,
        ${person(0)} || '与' || ${person(2)} as parties,
        case when g.level = 'village' then ${weighted(v(3), [
          ['minor', 82],
          ['ordinary', 18],
        ])}
             else ${weighted(v(3), [
               ['ordinary', 70],
               ['major', 30],
             ])} end as severity,
        case when d.day < (select max(day) from gen_days) - 30 then ${weighted(draw(sql`md5(r.h2)`, 0), [
          ['settled', 97],
          ['failed', 3],
        ])}
             else ${weighted(draw(sql`md5(r.h2)`, 0), [
               ['pending', 50],
               ['settled', 48],
               ['failed', 2],
             ])} end as outcome) x
    where ${u(0)} < case g.level when 'village' then 0.07 when 'township' then 0.07 else 0.01 end`;

  // A written agreement for about four in ten disputes settled by people's mediation, numbered per unit and year.
  const mediation = sql`insert into mediation_files (${SHARED_COLUMNS}, agreement_number, signed_on, dispute_id, parties, facts,
      disputed_matters, responsibilities, rights_and_obligations, performance, mediator, committee)
    select ${shared(countyId, shanghaiAt(sql`s.settled_on`, '17:00'))},
      left(g.name, 2) || '调字〔' || extract(year from s.settled_on) || '〕' || row_number() over (partition by g.code, extract(year from s.settled_on) order by s.settled_on, s.id) || '号',
      s.settled_on, s.id::text, s.parties, s.summary, '双方争议事项见纠纷登记。', '双方对纠纷的发生均负有一定责任。',
      '一、双方互谅互让，按调解方案履行；二、今后不再就此事发生争执。', '已当场履行完毕。', g.mediator, g.name || '人民调解委员会'
    from ${keyed(sql`disputes s join gen_units g on g.code = s.unit_code`, key('mediation', sql`s.id::text`))}
    where s.county_id = ${countyId} and s.outcome = 'settled' and s.method = 'people' and ${u(0)} < 0.4`;

  return {
    duty_logs: duty,
    investigation_rounds: rounds,
    meetings,
    publicity_records: publicity,
    info_submissions: info,
    hazard_checks: hazards,
    disputes,
    mediation_files: mediation,
  };
}
