/**
 * Scores one unit against a compiled rule set. This is the hot loop: one pass over each
 * fact list, dispatching by kind through Maps built at compile time, integer arithmetic
 * only, scratch buffers reused across units, repeated strings shared.
 */
import { activeRules, type CompiledRuleSet } from './compile.ts';
import { divRound, formatFixed, lcm, mulDivRound, quarterlyMeanExact, SCALE, settled, toFixed } from './fixed-point.ts';
import { displayOf, type Assessment, type AtRisk, type ExplanationLine } from './explain.ts';
import type { UnitFacts } from './facts.ts';
import type { FactList } from './errors.ts';
import { sortIds } from './fact-ids.ts';
import type { Workspace } from './workspace.ts';
import { pct, quarterlyDetail } from './details.ts';
import { MAX_COUNT } from './limits.ts';
import {
  checkUnitShape,
  isEventCount,
  isIndicatorPair,
  isInspectionScore,
  isIsoDate,
  refuseDate,
  refuseEventCount,
  refuseIndicatorPair,
  refuseInspectionScore,
  refuseKind,
  refuseLevel,
  refuseTooMany,
} from './fact-checks.ts';

const EMPTY: readonly never[] = [];

/** Names a refused fact (built only on the refusal path). */
function where(unitId: string, list: FactList, f: { id: string }, ruleId: string | undefined) {
  return { unitId, list, factId: f.id, ruleId };
}

/** Calendar quarter 0..3 of an ISO date "YYYY-MM-DD". */
function quarterOf(date: string): number {
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const q = ((month - 1) / 3) | 0;
  return q < 0 ? 0 : q > 3 ? 3 : q;
}

function mkLine(ruleId: string, label: string, points: number, factIds: string[], detail: string): ExplanationLine {
  points = settled(points);
  return { ruleId, label, points, display: displayOf(points), factIds, detail };
}

export function evaluateUnit(c: CompiledRuleSet, ws: Workspace, unit: UnitFacts): Assessment {
  checkUnitShape(unit);
  ws.reset();
  const unitId = unit.unitId;
  const rules = c.rules;
  const active = activeRules(c, unit.category);
  const explain = ws.explain;
  const strict = c.strictVocabulary;

  // 1. Inspections.
  const inspections = unit.inspections ?? EMPTY;
  for (let i = 0; i < inspections.length; i++) {
    const f = inspections[i]!;
    const targets = c.inspectionIndex.get(f.component);
    if (!isInspectionScore(f.score))
      refuseInspectionScore(where(unitId, 'inspections', f, targets ? rules[targets[0]![0]]!.id : undefined), f.score);
    // The only date score() reads (the quarter of a routine check); factsInPeriod checks the others.
    if (!isIsoDate(f.date)) refuseDate(where(unitId, 'inspections', f, undefined), f.date);
    if (!targets) {
      if (strict) refuseKind(where(unitId, 'inspections', f, undefined), 'component', f.component);
      continue;
    }
    const score = toFixed(f.score);
    const q = quarterOf(f.date);
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      const ri = target[0];
      if (!active[ri]) continue;
      const slot = ws.compOffset[ri]! + target[1];
      ws.qSum[slot * 4 + q]! += score;
      ws.qCnt[slot * 4 + q]! += 1;
      if (explain) ws.factIds.add(rules.length + slot, f.id);
    }
  }

  // 2. Events: per-event, tiered counts, quotas counted on events. `count` (default 1) is
  // the number of occurrences the event stands for; every rule that reads it sums it.
  const events = unit.events ?? EMPTY;
  for (let i = 0; i < events.length; i++) {
    const f = events[i]!;
    const spec = c.eventKinds.get(f.kind);
    if (!isEventCount(f.count)) refuseEventCount(where(unitId, 'events', f, spec?.ruleId), f.count);
    if (!isEventCount(f.times)) refuseEventCount(where(unitId, 'events', f, spec?.ruleId), f.times, 'times');
    if (!spec) {
      if (strict) refuseKind(where(unitId, 'events', f, undefined), 'kind', f.kind);
      continue;
    }
    const levels = spec.levels;
    if (levels !== null && !(typeof f.level === 'string' && levels.has(f.level)))
      refuseLevel(where(unitId, 'events', f, spec.levelRuleId), f.level, levels);
    // `times` alike events in one (an aggregate); `n` their occurrences, summed.
    const times = f.times ?? 1;
    const n = f.count ?? times;
    const targets = spec.rules;
    for (let t = 0; t < targets.length; t++) {
      const ri = targets[t]!;
      if (!active[ri]) continue;
      const r = rules[ri]!;
      if (r.kind === 'per-event') {
        const mult = r.byCount ? n : times;
        if (r.byLevel) {
          const li = r.byLevel.get(f.level!);
          if (li === undefined) continue; // a level scored by another rule of this kind
          ws.pts[ri]! += r.levelPoints[li]! * mult;
          ws.levelCnt[ws.levelOffset[ri]! + li]! += mult;
        } else ws.pts[ri]! += r.points * mult;
        ws.cnt[ri]! += mult;
      } else {
        ws.cnt[ri]! += n;
      }
      if (ws.cnt[ri]! > MAX_COUNT) refuseTooMany(where(unitId, 'events', f, r.id), 'count');
      if (explain) ws.factIds.add(ri, f.id);
    }
  }

  // 3. Records for quotas.
  const records = unit.records ?? EMPTY;
  for (let i = 0; i < records.length; i++) {
    const f = records[i]!;
    const targets = c.recordIndex.get(f.kind);
    if (!isEventCount(f.times)) refuseEventCount(where(unitId, 'records', f, undefined), f.times, 'times');
    const times = f.times ?? 1;
    if (!targets) {
      if (strict) refuseKind(where(unitId, 'records', f, undefined), 'kind', f.kind);
      continue;
    }
    for (let t = 0; t < targets.length; t++) {
      const ri = targets[t]!;
      if (!active[ri]) continue;
      const r = rules[ri]!;
      if (r.kind === 'quota' && r.distinct) ws.keys[ri]!.add(f.key ?? f.id);
      ws.cnt[ri]! += times;
      if (ws.cnt[ri]! > MAX_COUNT) refuseTooMany(where(unitId, 'records', f, r.id), 'times');
      if (explain) ws.factIds.add(ri, f.id);
    }
  }

  // 4. Indicators (pooled: Σ numerators ÷ Σ denominators).
  const indicators = unit.indicators ?? EMPTY;
  for (let i = 0; i < indicators.length; i++) {
    const f = indicators[i]!;
    const targets = c.indicatorIndex.get(f.name);
    if (!isIndicatorPair(f.numerator, f.denominator))
      refuseIndicatorPair(
        where(unitId, 'indicators', f, targets ? rules[targets[0]!]!.id : undefined),
        f.numerator,
        f.denominator,
      );
    if (!targets) {
      if (strict) refuseKind(where(unitId, 'indicators', f, undefined), 'name', f.name);
      continue;
    }
    for (let t = 0; t < targets.length; t++) {
      const ri = targets[t]!;
      if (!active[ri]) continue;
      ws.cnt[ri]! += toFixed(f.numerator);
      ws.den[ri]! += toFixed(f.denominator);
      if (ws.den[ri]! > MAX_COUNT * SCALE) refuseTooMany(where(unitId, 'indicators', f, rules[ri]!.id), 'denominator');
      if (explain) ws.factIds.add(ri, f.id);
    }
  }

  // 5. Vetoes.
  let vetoIds: string[] | null = null;
  const vetoes = unit.vetoes ?? EMPTY;
  for (let i = 0; i < vetoes.length; i++) {
    const f = vetoes[i]!;
    const targets = c.vetoIndex.get(f.kind);
    if (!targets) {
      if (strict) refuseKind(where(unitId, 'vetoes', f, undefined), 'kind', f.kind);
      continue;
    }
    let hit = false;
    for (let t = 0; t < targets.length; t++) {
      const ri = targets[t]!;
      if (!active[ri]) continue;
      if (explain) ws.factIds.add(ri, f.id);
      hit = true;
    }
    if (hit) (vetoIds ??= []).push(f.id);
  }

  // 6. Lines, in rule order.
  const atRisk: AtRisk[] | null = ws.periodClosed ? null : [];
  let assessedBp = 0;
  const groupOf = c.groupOf;
  for (let ri = 0; ri < rules.length; ri++) {
    if (!active[ri]) continue;
    const r = rules[ri]!;
    const g = groupOf[ri]!;
    switch (r.kind) {
      case 'inspection-weights': {
        const off = ws.compOffset[ri]!;
        for (let ci = 0; ci < r.components.length; ci++) {
          const comp = r.components[ci]!;
          const slot = off + ci;
          const q0 = slot * 4;
          let points = 0;
          let detail: string;
          if (ws.qCnt[q0]! + ws.qCnt[q0 + 1]! + ws.qCnt[q0 + 2]! + ws.qCnt[q0 + 3]! > 0) assessedBp += comp.weightBp;
          if (comp.quarterly) {
            // Mean per quarter, then mean of the quarters on record, as one exact rational.
            let l = 1;
            let quarters = 0;
            for (let q = 0; q < 4; q++) {
              const n = ws.qCnt[q0 + q]!;
              if (n > 0) {
                l = lcm(l, n);
                quarters++;
              }
            }
            if (quarters === 0) detail = 'no inspection on record';
            else {
              let num = 0;
              for (let q = 0; q < 4; q++) {
                const n = ws.qCnt[q0 + q]!;
                if (n > 0) num += ws.qSum[q0 + q]! * (l / n);
              }
              const den = quarters * l;
              let mean: number;
              if (Number.isSafeInteger(l) && Number.isSafeInteger(num) && Number.isSafeInteger(den * 10000)) {
                points = mulDivRound(num, comp.weightBp, den * 10000);
                mean = explain ? divRound(num, den) : 0;
              } else {
                // Thousands of checks a quarter with coprime counts: the common denominator leaves 2^53.
                [points, mean] = quarterlyMeanExact(ws.qSum, ws.qCnt, q0, comp.weightBp);
              }
              detail = explain ? quarterlyDetail(ws.qSum, ws.qCnt, q0, mean, comp.weightBp) : '';
            }
          } else {
            let s = 0;
            let n = 0;
            for (let q = 0; q < 4; q++) {
              s += ws.qSum[q0 + q]!;
              n += ws.qCnt[q0 + q]!;
            }
            if (n === 0) detail = 'no inspection on record';
            else {
              points = mulDivRound(s, comp.weightBp, n * 10000);
              const mean = divRound(s, n);
              if (!explain) detail = '';
              else if (n > 1) detail = `mean of ${n}: ${formatFixed(mean)} × ${pct(comp.weightBp)}`;
              else {
                const key = mean * r.components.length + ci; // a small integer: no boxed key per lookup
                detail = ws.cached(ri, key) ?? ws.remember(ri, key, `${formatFixed(mean)} × ${pct(comp.weightBp)}`);
              }
            }
          }
          ws.groupSum[g]! += points;
          if (explain) ws.addLine(mkLine(r.id, comp.label, points, ws.factIds.take(rules.length + slot), detail));
        }
        break;
      }
      case 'per-event': {
        const n = ws.cnt[ri]!;
        if (n === 0) break;
        const points = r.sign * ws.pts[ri]!;
        ws.groupSum[g]! += points;
        if (!explain) break;
        let detail: string | undefined;
        if (r.byLevel) {
          // Key: the count per level, packed into one number when small (the usual case).
          const lo = ws.levelOffset[ri]!;
          const levels = r.levelNames.length;
          let key: number | string = 0;
          for (let li = 0; li < levels; li++) {
            const k = ws.levelCnt[lo + li]!;
            if (k >= 64 || levels > 8) {
              key = '';
              for (let lj = 0; lj < levels; lj++) key += `${ws.levelCnt[lo + lj]!},`;
              break;
            }
            key = key * 64 + k;
          }
          detail = ws.cached(ri, key);
          if (detail === undefined) {
            const parts: string[] = [];
            for (let li = 0; li < levels; li++) {
              const k = ws.levelCnt[lo + li]!;
              if (k) parts.push(`${r.levelNames[li]!} ${k} × ${formatFixed(r.sign * r.levelPoints[li]!, true)}`);
            }
            detail = ws.remember(ri, key, parts.join(', '));
          }
        } else detail = ws.cached(ri, n) ?? ws.remember(ri, n, `${n} × ${formatFixed(r.sign * r.points, true)}`);
        ws.addLine(mkLine(r.id, r.label, points, ws.factIds.take(ri), detail));
        break;
      }
      case 'tiered-count': {
        const n = ws.cnt[ri]!;
        let tier: { atLeast: number; points: number } | undefined;
        for (const t of r.tiers) if (n >= t.atLeast) tier = t;
        if (!tier) break;
        const points = r.sign * tier.points;
        const at = tier.atLeast;
        ws.groupSum[g]! += points;
        if (explain)
          ws.addLine(
            mkLine(
              r.id,
              r.label,
              points,
              ws.factIds.take(ri),
              ws.cached(ri, n) ?? ws.remember(ri, n, `${n} counted, tier ≥ ${at} (not cumulative)`),
            ),
          );
        break;
      }
      case 'quota': {
        const counted = r.distinct ? ws.keys[ri]!.size : ws.cnt[ri]!;
        if (atRisk !== null && counted < r.atLeast && counted <= r.atMost) {
          // Open period, atLeast not reached yet: records may still come in.
          atRisk.push({
            ruleId: r.id,
            label: r.label,
            have: counted,
            need: r.atLeast,
            effect: r.effect,
            atStake: r.sign * r.points,
          });
          break;
        }
        const met = counted >= r.atLeast && counted <= r.atMost;
        if (met !== r.applyWhenMet) break;
        const points = r.sign * r.points;
        ws.groupSum[g]! += points;
        if (!explain) break;
        let detail = ws.cached(ri, counted);
        if (detail === undefined) {
          const req = [
            r.atLeast > 0 ? `≥ ${r.atLeast}` : '',
            r.atMost !== Number.POSITIVE_INFINITY ? `≤ ${r.atMost}` : '',
          ]
            .filter(Boolean)
            .join(' and ');
          detail = ws.remember(ri, counted, `${counted} on record, required ${req}${met ? ' (met)' : ' (missed)'}`);
        }
        ws.addLine(mkLine(r.id, r.label, points, ws.factIds.take(ri), detail));
        break;
      }
      case 'indicator': {
        const num = ws.cnt[ri]!;
        const den = ws.den[ri]!;
        let points = 0;
        let detail = 'no data';
        if (den > 0) {
          // points = weight × min(1, (num/den) ÷ (target/100)); target in milli-percent.
          const lhs = num * 100000;
          const rhs = den * r.targetMilliPct;
          points = r.sign * (lhs >= rhs ? r.weight : mulDivRound(r.weight, lhs, rhs));
          if (explain)
            detail = `${formatFixed(num)}/${formatFixed(den)} = ${formatFixed(mulDivRound(num, 100000, den))}% vs target ${formatFixed(r.targetMilliPct)}%, weight ${formatFixed(r.weight)}`;
        }
        ws.groupSum[g]! += points;
        if (explain) ws.addLine(mkLine(r.id, r.label, points, ws.factIds.take(ri), detail));
        break;
      }
      case 'veto': {
        if (explain && ws.factIds.has(ri))
          ws.addLine(mkLine(r.id, r.label, 0, ws.factIds.take(ri), 'one-vote veto: ranked last, may not be commended'));
        break;
      }
    }
  }

  // 7. Group caps, then totals.
  let base = 0;
  let bonusRaw = 0;
  let bonus = 0;
  let deductions = 0;
  for (let gi = 0; gi < c.groups.length; gi++) {
    const grp = c.groups[gi]!;
    const raw = ws.groupSum[gi]!;
    let total = raw;
    if (grp.cap && grp.sign * raw > grp.cap.max) {
      total = grp.sign * grp.cap.max;
      if (explain)
        ws.addLine(
          mkLine(
            grp.cap.ruleId,
            grp.cap.label,
            total - raw,
            [],
            `${grp.name} total ${formatFixed(grp.sign * raw)} capped at ${formatFixed(grp.cap.max)}`,
          ),
        );
    }
    if (grp.effect === 'base') base += total;
    else if (grp.effect === 'bonus') {
      bonusRaw += raw;
      bonus += total;
    } else deductions -= total;
  }
  const beforeFloor = base + bonus - deductions;
  let floorAdjustment = 0;
  if (c.floor && beforeFloor < c.floor.min) {
    floorAdjustment = c.floor.min - beforeFloor;
    if (explain)
      ws.addLine(
        mkLine(
          c.floor.ruleId,
          c.floor.label,
          floorAdjustment,
          [],
          `${formatFixed(beforeFloor)} raised to the floor ${formatFixed(c.floor.min)}`,
        ),
      );
  }
  const vetoFactIds = vetoIds ? sortIds(vetoIds) : [];
  const out: Assessment = {
    unitId: unit.unitId,
    ruleSetId: c.ruleSet.id,
    ruleSetVersion: c.ruleSet.version,
    unit: c.unit,
    base: settled(base),
    bonusRaw: settled(bonusRaw),
    bonus: settled(bonus),
    deductions: settled(deductions),
    floorAdjustment: settled(floorAdjustment),
    final: settled(beforeFloor + floorAdjustment),
    vetoed: vetoFactIds.length > 0,
    commendable: vetoFactIds.length === 0,
    vetoFactIds,
    lines: ws.takeLines(),
    assessedWeightPct: assessedBp / 100,
  };
  if (atRisk !== null) out.atRisk = atRisk;
  return out;
}
