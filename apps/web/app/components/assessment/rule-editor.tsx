import { Form } from 'react-router';
import { isMessageKey } from '../../i18n/index.ts';
import { useI18n } from '../../lib/i18n-context.ts';

export interface EditorField {
  name: string;
  ruleId: string;
  ruleIndex: number;
  property: string;
  part?: string;
  kind: string;
  value: string;
}

export interface EditorRule {
  id: string;
  label: string;
  source: string | null;
}

export interface EditorProblem {
  name: string;
  message: string;
}

/**
 * The draft on a form, one fieldset per rule: amounts, caps, tiers, quotas, weights, targets and
 * labels, never raw JSON. A refused save comes back with what was typed and the bad fields marked.
 */
export function RuleEditor({
  year,
  version,
  rules,
  fields,
  posted,
  problems,
}: {
  year: number;
  version: number;
  rules: EditorRule[];
  fields: EditorField[];
  posted: Record<string, string> | null;
  problems: EditorProblem[];
}) {
  const { t } = useI18n();
  const problemOf = new Map(problems.map((p) => [p.name, p.message]));
  const partLabel = (part: string | undefined) => {
    if (part === undefined) return '';
    const key = `assessment.level.${part}`;
    return isMessageKey(key) ? t(key) : part;
  };
  return (
    <Form method="post" className="rule-editor">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      {rules.map((rule, index) => {
        const own = fields.filter((f) => f.ruleIndex === index);
        return (
          <fieldset key={rule.id} data-rule={rule.id}>
            <legend>{rule.label}</legend>
            {rule.source ? <p className="source">{rule.source}</p> : null}
            {own.map((f) => {
              const problem = problemOf.get(f.name);
              const id = `field-${f.name}`;
              return (
                <label key={f.name} htmlFor={id}>
                  {t(`assessment.field.${f.property}` as 'assessment.field.label', { part: partLabel(f.part) })}
                  <input
                    id={id}
                    name={f.name}
                    defaultValue={posted?.[f.name] ?? f.value}
                    inputMode={f.kind === 'label' ? undefined : 'decimal'}
                    size={f.kind === 'label' ? 24 : 8}
                    maxLength={f.kind === 'label' ? 60 : 20}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-error` : undefined}
                  />
                  {problem ? (
                    <span id={`${id}-error`} className="field-error">
                      {problem}
                    </span>
                  ) : null}
                </label>
              );
            })}
          </fieldset>
        );
      })}
      <button type="submit">{t('assessment.rules.save')}</button>
    </Form>
  );
}
