/**
 * A street office's half-year scheme (docs/domain.md §6, "other schemes"), as data only:
 * community workstations are scored on disputes found and minor disputes settled;
 * departments on settlement results and on-time feedback (indicator vs target).
 * The point values and targets are illustrative defaults; the structure is the point:
 * the engine scores it with no new code.
 */
import type { RuleSet } from '../rule-set.ts';

export function streetHalfYearRuleSet(): RuleSet {
  return {
    schemaVersion: 1,
    id: 'street-half-year',
    version: '1',
    label: '街道综治工作半年考核',
    unit: 'points',
    period: 'half-year',
    source: 'docs/domain.md §6: 社区工作站按排查发现矛盾纠纷、化解一般矛盾纠纷评分；部门按化解成效、按时反馈评分',
    rules: [
      {
        id: 'community.disputes-found',
        kind: 'per-event',
        label: '排查发现矛盾纠纷',
        source: '社区工作站排查发现矛盾纠纷，每件加1分，最高40分',
        appliesTo: ['community'],
        effect: 'base',
        group: 'disputes-found',
        events: ['dispute-found'],
        points: 1,
      },
      {
        id: 'community.disputes-found.cap',
        kind: 'group-cap',
        label: '排查发现矛盾纠纷封顶',
        source: '最高40分',
        group: 'disputes-found',
        max: 40,
      },
      {
        id: 'community.minor-settled',
        kind: 'per-event',
        label: '化解一般矛盾纠纷',
        source: '化解一般矛盾纠纷，每件加2分，最高60分',
        appliesTo: ['community'],
        effect: 'base',
        group: 'minor-settled',
        events: ['minor-dispute-settled'],
        points: 2,
      },
      {
        id: 'community.minor-settled.cap',
        kind: 'group-cap',
        label: '化解一般矛盾纠纷封顶',
        source: '最高60分',
        group: 'minor-settled',
        max: 60,
      },
      {
        id: 'department.settlement-rate',
        kind: 'indicator',
        label: '化解成效',
        source: '化解成功率达到98%得满分60分，未达到按比例得分',
        appliesTo: ['department'],
        effect: 'base',
        indicator: 'settlement-rate',
        weight: 60,
        targetPct: 98,
      },
      {
        id: 'department.on-time-feedback',
        kind: 'indicator',
        label: '按时反馈',
        source: '交办事项按时反馈率100%得满分40分，未达到按比例得分',
        appliesTo: ['department'],
        effect: 'base',
        indicator: 'on-time-feedback',
        weight: 40,
        targetPct: 100,
      },
      {
        id: 'deduct.missing-report',
        kind: 'per-event',
        label: '漏报',
        source: '漏报、迟报每次扣0.5分',
        effect: 'deduction',
        events: ['missing-report'],
        points: 0.5,
      },
      {
        id: 'floor',
        kind: 'floor',
        label: '最低0分',
        min: 0,
      },
    ],
  };
}
