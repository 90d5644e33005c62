import { addDays, addMonths, compareDates, type CivilDate } from '@tally/casework';
import type { DemoContext, DemoUnit } from './demo-context.ts';
import { dayInMonth, dayInWeek, lastDay, monthStarts, unitWeekday, weekStarts } from './demo-dates.ts';
import { DISPUTE_STORIES, DISPUTE_TYPE_WEIGHTS, type DisputeStory } from './demo-dispute-texts.ts';
import { birthMonthText, person, villageAddress, type DemoPerson } from './demo-people.ts';
import type { RegisterRows } from './demo-register-rows.ts';

type Severity = 'minor' | 'ordinary' | 'major';

/** Disputes the village's weekly round found, per `${unitCode}|${roundDate}`: the round's findings count. */
export type RoundFindings = Map<string, number>;

/**
 * 矛盾纠纷排查调处 and 调解卷宗 (docs/domain.md §4). Villages find most disputes on their weekly
 * round, so the round's findings count equals the disputes it registered; townships take
 * ordinary and major ones by visit or referral, the county a few major ones. Most are settled
 * by people's mediation; a share of those has its written agreement in mediation_files.
 */
export function addDisputes(ctx: DemoContext, rows: RegisterRows): RoundFindings {
  const findings: RoundFindings = new Map();
  const agreementSerial = new Map<string, number>();
  for (const unit of ctx.units) {
    if (unit.level === 'village') {
      for (const monday of weekStarts(ctx)) {
        const round = dayInWeek(ctx, monday, unitWeekday(unit.code));
        if (!round) continue;
        const n = ctx.random.weighted([
          [0, 62],
          [1, 27],
          [2, 8],
          [3, 3],
        ] as const);
        for (let i = 0; i < n; i++) {
          const source = ctx.random.weighted([
            ['investigation', 72],
            ['visit', 23],
            ['referral', 5],
          ] as const);
          const foundOn = source === 'investigation' ? round : (dayInWeek(ctx, monday, ctx.random.int(0, 4)) ?? round);
          if (source === 'investigation')
            findings.set(`${unit.code}|${round}`, (findings.get(`${unit.code}|${round}`) ?? 0) + 1);
          addDispute(
            ctx,
            rows,
            unit,
            foundOn,
            source,
            ctx.random.weighted([
              ['minor', 82],
              ['ordinary', 18],
            ] as const),
            agreementSerial,
          );
        }
      }
    } else {
      const perMonth = unit.level === 'township' ? [1, 3] : [0, 1];
      for (const first of monthStarts(ctx)) {
        const n = ctx.random.int(perMonth[0]!, perMonth[1]!);
        for (let i = 0; i < n; i++) {
          const foundOn = dayInMonth(ctx, first);
          if (!foundOn) continue;
          const severity: Severity =
            unit.level === 'county'
              ? 'major'
              : ctx.random.weighted([
                  ['ordinary', 85],
                  ['major', 15],
                ] as const);
          addDispute(
            ctx,
            rows,
            unit,
            foundOn,
            ctx.random.weighted([
              ['visit', 50],
              ['referral', 35],
              ['investigation', 15],
            ] as const),
            severity,
            agreementSerial,
          );
        }
      }
    }
  }
  return findings;
}

function addDispute(
  ctx: DemoContext,
  rows: RegisterRows,
  unit: DemoUnit,
  foundOn: CivilDate,
  source: string,
  severity: Severity,
  agreementSerial: Map<string, number>,
): void {
  const { random } = ctx;
  const type = random.weighted(DISPUTE_TYPE_WEIGHTS);
  const story = random.pick(DISPUTE_STORIES[type]);
  const [a, b] = [person(random, ctx.countyCode, ctx.today), person(random, ctx.countyCode, ctx.today)];
  const villages = ctx.units.filter(
    (u) => u.level === 'village' && (unit.level === 'county' || u.township?.code === unit.code),
  );
  const place = unit.level === 'village' ? unit.name : random.pick(villages).name;
  const method = random.weighted([
    ['people', 88],
    ['administrative', 9],
    ['judicial', 3],
  ] as const);
  // Bigger matters take longer; a settlement that would fall after yesterday is still pending.
  const days =
    severity === 'minor' ? random.int(0, 7) : severity === 'ordinary' ? random.int(3, 20) : random.int(10, 45);
  const settledOn = addDays(foundOn, days);
  const open = compareDates(settledOn, lastDay(ctx)) > 0;
  const outcome = open
    ? 'pending'
    : random.weighted([
        ['settled', 96],
        ['failed', 4],
      ] as const);
  const revisitClass =
    severity === 'minor'
      ? random.weighted([
          [1, 85],
          [2, 15],
        ] as const)
      : severity === 'ordinary'
        ? random.weighted([
            [2, 75],
            [1, 15],
            [3, 10],
          ] as const)
        : 3;
  // The revisit happens when it falls due (1 month, a quarter, half a year); a few are late, which fills the revisit queue.
  const revisitDue = addMonths(settledOn, revisitClass === 1 ? 1 : revisitClass === 2 ? 3 : 6);
  const revisited =
    outcome === 'settled' && (compareDates(revisitDue, lastDay(ctx)) <= 0 ? random.chance(0.93) : random.chance(0.15));
  const satisfaction = revisited
    ? random.weighted([
        ['satisfied', 90],
        ['basically', 8],
        ['not', 2],
      ] as const)
    : null;

  const dispute = rows.add('disputes', unit.code, {
    foundOn,
    source,
    disputeType: type,
    parties: `${a.name}、${b.name}`,
    partyIdNumber: random.chance(0.7) ? a.idNumber : null,
    partyPhone: random.chance(0.8) ? a.phone : null,
    severity,
    summary: story.summary(a.name, b.name, place),
    mediator: unit.staff.mediator,
    method: outcome === 'pending' && random.chance(0.3) ? null : method,
    outcome,
    settledOn: outcome === 'settled' ? settledOn : null,
    revisitClass: outcome === 'settled' ? revisitClass : null,
    satisfaction,
  });
  if (!dispute || outcome !== 'settled' || method !== 'people' || !random.chance(0.4)) return;

  const year = settledOn.slice(0, 4);
  const serialKey = `${unit.code}|${year}`;
  const serial = (agreementSerial.get(serialKey) ?? 0) + 1;
  agreementSerial.set(serialKey, serial);
  rows.add(
    'mediation_files',
    unit.code,
    {
      signedOn: settledOn,
      agreementNumber: `（${year}）${unit.name.replace(/(村|社区|镇|乡|街道|县)$/, '')}调字第${serial}号`,
      parties: [partyLine('当事人甲', a, ctx, place, unit), partyLine('当事人乙', b, ctx, place, unit)].join('\n'),
      partyIdNumber: a.idNumber,
      facts: `${story.summary(a.name, b.name, place)}调解委员会受理后，走访双方当事人及周边群众，查明了上述事实。`,
      disputedMatters: story.matters,
      responsibilities: story.responsibility(a.name, b.name),
      rightsAndObligations: story.agreement(a.name, b.name, roundAmount(ctx, story)),
      performance: performanceText(ctx, story, settledOn, unit),
      mediator: unit.staff.mediator,
      committee: `${unit.township && unit.level === 'village' ? unit.township.name : ''}${unit.name}人民调解委员会`,
    },
    { disputeId: dispute.id },
  );
}

function partyLine(label: string, party: DemoPerson, ctx: DemoContext, place: string, unit: DemoUnit): string {
  const township = unit.township?.name ?? ctx.units.find((u) => u.name === place)?.township?.name ?? '';
  return `${label}：${party.name}，${party.gender === 'male' ? '男' : '女'}，${birthMonthText(party.birthDate)}，住${villageAddress(ctx.random, ctx.countyName, township, place)}，联系电话${party.phone}`;
}

function roundAmount(ctx: DemoContext, story: DisputeStory): number {
  const [min, max] = story.amount;
  return max === 0 ? 0 : Math.round(ctx.random.int(min, max) / 100) * 100;
}

function performanceText(ctx: DemoContext, story: DisputeStory, signedOn: CivilDate, unit: DemoUnit): string {
  const by = addDays(signedOn, ctx.random.int(3, 15));
  const dateText = `${Number(by.slice(0, 4))}年${Number(by.slice(5, 7))}月${Number(by.slice(8, 10))}日`;
  const where = `${unit.name}${unit.level === 'village' ? '村民委员会' : '人民调解委员会'}`;
  return story.amount[1] === 0
    ? `本协议自双方签字之日起生效，双方于${dateText}前按协议内容自行履行，由${where}监督履行情况。`
    : `款项于${dateText}前在${where}当面以现金或转账方式一次性付清，由调解员见证并出具收条。`;
}
