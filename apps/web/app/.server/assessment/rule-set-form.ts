import type { Rule, RuleSet } from '@tally/scoring';

/**
 * The draft editor's fields, derived from the rule set itself: every amount, cap, tier, quota,
 * weight, target and label a county may change, by rule. The form shows these and reads these
 * back, so a posted name that the draft does not have is simply ignored (no path a user types
 * ever reaches the rule set).
 */
export type FieldKind = 'amount' | 'count' | 'percent' | 'label' | 'signed';

export interface EditableField {
  /** Form field name, e.g. `r3.pointsByLevel.county`. */
  name: string;
  ruleId: string;
  ruleIndex: number;
  /** What the field is, for its label: points, atLeast, weightPct... */
  property: string;
  /** Level, component or tier the field belongs to (shown next to the label). */
  part?: string;
  kind: FieldKind;
  value: string;
}

function field(
  ruleIndex: number,
  rule: Rule,
  property: string,
  kind: FieldKind,
  value: number | string,
  part?: string,
  path?: string,
): EditableField {
  const name = `r${ruleIndex}.${path ?? property}`;
  return {
    name,
    ruleId: rule.id,
    ruleIndex,
    property,
    kind,
    value: String(value),
    ...(part === undefined ? {} : { part }),
  };
}

export function editableFields(ruleSet: RuleSet): EditableField[] {
  const out: EditableField[] = [];
  ruleSet.rules.forEach((rule, i) => {
    out.push(field(i, rule, 'label', 'label', rule.label));
    switch (rule.kind) {
      case 'inspection-weights':
        for (const [j, c] of rule.components.entries()) {
          out.push(field(i, rule, 'weightPct', 'percent', c.weightPct, c.label, `components.${j}.weightPct`));
        }
        break;
      case 'per-event':
        if (rule.points !== undefined) out.push(field(i, rule, 'points', 'amount', rule.points));
        for (const [level, points] of Object.entries(rule.pointsByLevel ?? {}))
          out.push(field(i, rule, 'pointsByLevel', 'amount', points, level, `pointsByLevel.${level}`));
        break;
      case 'tiered-count':
        rule.tiers.forEach((tier, j) => {
          out.push(field(i, rule, 'tierAtLeast', 'count', tier.atLeast, String(j + 1), `tiers.${j}.atLeast`));
          out.push(field(i, rule, 'tierPoints', 'amount', tier.points, String(j + 1), `tiers.${j}.points`));
        });
        break;
      case 'quota':
        if (rule.atLeast !== undefined) out.push(field(i, rule, 'atLeast', 'count', rule.atLeast));
        if (rule.atMost !== undefined) out.push(field(i, rule, 'atMost', 'count', rule.atMost));
        out.push(field(i, rule, 'points', 'amount', rule.points));
        break;
      case 'indicator':
        out.push(field(i, rule, 'weight', 'amount', rule.weight));
        out.push(field(i, rule, 'targetPct', 'percent', rule.targetPct));
        break;
      case 'group-cap':
        out.push(field(i, rule, 'max', 'amount', rule.max));
        break;
      case 'floor':
        out.push(field(i, rule, 'min', 'signed', rule.min));
        break;
      case 'veto':
        break;
    }
  });
  return out;
}

/** A field the form could not read, named so the page can mark it. */
export interface FieldProblem {
  name: string;
  ruleId: string;
  property: string;
  part?: string;
  reason: 'required' | 'notNumber' | 'negative' | 'notWhole' | 'tooManyDecimals' | 'tooLong' | 'percentRange';
}

const MAX_LABEL = 60;

function readNumber(raw: string, kind: FieldKind): { value: number } | { reason: FieldProblem['reason'] } {
  const text = raw.trim();
  if (text === '') return { reason: 'required' };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { reason: 'notNumber' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { reason: 'notNumber' };
  if (kind !== 'signed' && value < 0) return { reason: 'negative' };
  if (kind === 'count' && !Number.isInteger(value)) return { reason: 'notWhole' };
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > (kind === 'percent' ? 2 : 3)) return { reason: 'tooManyDecimals' };
  if (kind === 'percent' && (value <= 0 || value > 100)) return { reason: 'percentRange' };
  return { value };
}

/** Sets one value inside a deep copy of a rule, following a path the editor itself built. */
function setAt(target: object, path: readonly string[], value: unknown): void {
  let node: unknown = target;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = Reflect.get(node, step);
  }
  if (node !== null && typeof node === 'object') Reflect.set(node, path[path.length - 1]!, value);
}

/**
 * Reads a posted form into a copy of the draft. Returns the edited rule set (not yet checked by
 * the engine) and the fields that could not be read; nothing is changed when any field fails.
 */
export function applyFields(
  draft: RuleSet,
  posted: ReadonlyMap<string, string>,
): { ruleSet: RuleSet; problems: FieldProblem[] } {
  const copy: RuleSet = structuredClone(draft);
  const problems: FieldProblem[] = [];
  for (const f of editableFields(draft)) {
    const raw = posted.get(f.name);
    if (raw === undefined) continue;
    const problem = (reason: FieldProblem['reason']) =>
      problems.push({
        name: f.name,
        ruleId: f.ruleId,
        property: f.property,
        reason,
        ...(f.part === undefined ? {} : { part: f.part }),
      });
    const path = f.name.slice(f.name.indexOf('.') + 1).split('.');
    const rule = copy.rules[f.ruleIndex]!;
    if (f.kind === 'label') {
      const text = raw.trim();
      if (text === '') problem('required');
      else if (text.length > MAX_LABEL) problem('tooLong');
      else setAt(rule, path, text);
      continue;
    }
    const read = readNumber(raw, f.kind);
    if ('reason' in read) problem(read.reason);
    else setAt(rule, path, read.value);
  }
  return { ruleSet: problems.length ? draft : copy, problems };
}
