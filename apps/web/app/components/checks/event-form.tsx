import { Form } from 'react-router';
import type { CheckingEventKind } from '@tally/db/assessment';
import { kindLabelKey, levelLabelKey } from '../../lib/checking-labels.ts';
import { useI18n } from '../../lib/i18n-context.ts';

export interface KindChoice {
  kind: CheckingEventKind;
  levels: readonly string[];
  veto: boolean;
}

export interface EventDraftValues {
  unitCode: string;
  kind: string;
  level: string;
  occurredOn: string;
  description: string;
  attachmentRef: string;
}

interface EventFormProps {
  units: Array<{ code: string; name: string }>;
  kinds: KindChoice[];
  today: string;
  descriptionMax: number;
  attachmentRefMax: number;
  draft?: EventDraftValues | undefined;
}

/**
 * Record an event about a unit directly below. Without JavaScript the level list cannot follow
 * the kind, so the levels are grouped under their kind and the server refuses a pair that does
 * not belong together, naming the levels the kind takes.
 */
export function EventForm({ units, kinds, today, descriptionMax, attachmentRefMax, draft }: EventFormProps) {
  const { t } = useI18n();
  const levelLabel = (kind: string, level: string) => {
    const key = levelLabelKey(kind, level);
    return key ? t(key) : level;
  };
  return (
    <Form method="post" className="record-form" aria-label={t('checks.events.record')}>
      <input type="hidden" name="intent" value="record" />
      <label>
        {t('checks.events.unit')} <em className="required">*</em>
        <select name="unitCode" required defaultValue={draft?.unitCode ?? ''}>
          <option value="" disabled>
            —
          </option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('checks.events.kind')} <em className="required">*</em>
        <select name="kind" required defaultValue={draft?.kind ?? ''}>
          <option value="" disabled>
            —
          </option>
          {kinds.map(({ kind, veto }) => (
            <option key={kind} value={kind}>
              {t(kindLabelKey(kind))}
              {veto ? `（${t('checks.events.veto')}）` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('checks.events.level')}
        <select name="level" defaultValue={draft?.level ?? ''}>
          <option value="">{t('checks.events.levelNone')}</option>
          {kinds
            .filter((choice) => choice.levels.length > 0)
            .map(({ kind, levels }) => (
              <optgroup key={kind} label={t(kindLabelKey(kind))}>
                {levels.map((level) => (
                  <option key={level} value={level}>
                    {levelLabel(kind, level)}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
      <label>
        {t('checks.events.occurredOn')} <em className="required">*</em>
        <input
          type="date"
          name="occurredOn"
          required
          max={today}
          min="2000-01-01"
          defaultValue={draft?.occurredOn ?? today}
        />
      </label>
      <label className="wide">
        {t('checks.events.description')} <em className="required">*</em>
        <textarea
          name="description"
          required
          maxLength={descriptionMax}
          defaultValue={draft?.description ?? ''}
          aria-describedby="event-description-hint"
        />
        <span className="hint" id="event-description-hint">
          {t('checks.events.descriptionHint', { max: descriptionMax })}
        </span>
      </label>
      <label>
        {t('checks.events.attachmentRef')}
        <input
          name="attachmentRef"
          maxLength={attachmentRefMax}
          defaultValue={draft?.attachmentRef ?? ''}
          placeholder="×政法〔2026〕12号"
        />
      </label>
      <div className="form-actions">
        <button type="submit">{t('checks.events.record')}</button>
      </div>
    </Form>
  );
}
