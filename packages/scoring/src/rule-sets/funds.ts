/**
 * The funds scheme (经费奖惩) of docs/domain.md §6, in yuan, as data only: no cap, no floor.
 */
import type { RuleSet } from '../rule-set.ts';

export function fundsRuleSet(): RuleSet {
  return {
    schemaVersion: 1,
    id: 'funds',
    version: '1',
    label: '综治维稳经费奖惩',
    unit: 'yuan',
    period: 'year',
    source: 'docs/domain.md §6: 全年无信访的村奖励10000元；化解一类矛盾纠纷每件奖励3000元，二类2000元，三类1000元',
    rules: [
      {
        id: 'funds.no-petitions',
        kind: 'quota',
        label: '全年无信访',
        source: '全年无信访的村奖励10000元',
        effect: 'bonus',
        record: 'petition',
        from: 'events',
        atMost: 0,
        points: 10000,
      },
      {
        id: 'funds.disputes-settled',
        kind: 'per-event',
        label: '化解矛盾纠纷',
        source: '化解一类矛盾纠纷每件奖励3000元，二类2000元，三类1000元',
        effect: 'bonus',
        events: ['dispute-settled'],
        pointsByLevel: { 'class-1': 3000, 'class-2': 2000, 'class-3': 1000 },
      },
    ],
  };
}
