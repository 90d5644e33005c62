import type { ReactNode } from 'react';
import { Form } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';
import { COMPLEXITIES, REPLY_METHODS, SATISFACTIONS } from '@tally/casework';

export interface UnitOption {
  code: string;
  name: string;
  level?: string;
}

/**
 * One small POST form per workflow action the state machine allows this user now
 * (allowedActions from @tally/casework). Each carries the case version, so a step taken
 * on a stale page is refused instead of overwriting someone else's.
 */
export function ActionForms({
  actions,
  version,
  assignUnits,
  escalateTargets,
}: {
  actions: string[];
  version: number;
  assignUnits: UnitOption[];
  escalateTargets: UnitOption[];
}) {
  const { t } = useI18n();
  if (actions.length === 0) return <p className="count">{t('cases.action.none')}</p>;
  const form = (type: string, fields: ReactNode) => (
    <Form
      method="post"
      className="inline-form action-form"
      key={type}
      aria-label={vocabularyLabel(t, 'cases.action', type)}
    >
      <input type="hidden" name="intent" value="transition" />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="version" value={version} />
      {fields}
      <button type="submit">{vocabularyLabel(t, 'cases.action', type)}</button>
    </Form>
  );
  const reason = (
    <label className="wide">
      {t('cases.action.reason')}
      <input name="reason" required maxLength={500} />
    </label>
  );
  return (
    <div className="action-forms">
      {actions.map((type) => {
        switch (type) {
          case 'refuse':
          case 'accept':
          case 'start':
          case 'archive':
            return form(type, type === 'refuse' ? reason : null);
          case 'assign':
            return form(
              type,
              <>
                <label>
                  {t('cases.action.unit')}
                  <select name="unitCode" required>
                    {assignUnits.map((unit) => (
                      <option key={unit.code} value={unit.code}>
                        {unit.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('cases.action.person')}
                  <input name="person" required maxLength={60} />
                </label>
                <label>
                  {t('cases.field.complexity')}
                  <select name="complexity" defaultValue="general">
                    {COMPLEXITIES.map((value) => (
                      <option key={value} value={value}>
                        {vocabularyLabel(t, 'cases.complexity', value)}
                      </option>
                    ))}
                  </select>
                </label>
              </>,
            );
          case 'reply':
            return form(
              type,
              <>
                <label>
                  {t('cases.action.method')}
                  <select name="method">
                    {REPLY_METHODS.map((value) => (
                      <option key={value} value={value}>
                        {vocabularyLabel(t, 'cases.replyMethod', value)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="wide">
                  {t('cases.action.content')}
                  <textarea name="content" required maxLength={4000} rows={2} />
                </label>
              </>,
            );
          case 'revisit':
            return form(
              type,
              <label>
                {t('cases.field.satisfaction')}
                <select name="satisfaction">
                  {SATISFACTIONS.map((value) => (
                    <option key={value} value={value}>
                      {vocabularyLabel(t, 'cases.satisfaction', value)}
                    </option>
                  ))}
                </select>
              </label>,
            );
          case 'escalate':
            return form(
              type,
              <>
                <label>
                  {t('cases.action.toUnit')}
                  <select name="toUnitCode" required>
                    {escalateTargets.map((unit) => (
                      // Named with its level (a clerk picks "the township" or "the county"); the code only if the name is unknown.
                      <option
                        key={unit.code}
                        value={unit.code}
                      >{`${unit.level ? `${t(`level.${unit.level as 'county' | 'township'}`)}：` : ''}${unit.name !== unit.code ? unit.name : unit.code}`}</option>
                    ))}
                  </select>
                </label>
                {reason}
              </>,
            );
          default:
            return null;
        }
      })}
    </div>
  );
}
