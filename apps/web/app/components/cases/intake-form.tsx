import { useState } from 'react';
import { Form } from 'react-router';
import { COLLECTIVE_THRESHOLD } from '@tally/casework';
import { Notice } from '@tally/ui';
import { FieldError, fieldErrorProps } from '../field-error.tsx';
import { useI18n } from '../../lib/i18n-context.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';
import { CASE_CATEGORIES, CASE_CHANNELS } from '@tally/casework';

const FORM_ID = 'intake';

export interface IntakeFailure {
  message: string;
  field: string | null;
  values: Record<string, string>;
}

/**
 * Intake (登记) for every channel, with every docs/domain.md §3 field. A plain POST form; the
 * collective marker updates as the count is typed when JavaScript runs, and the server
 * shows the same marker on the registered case either way.
 */
export function IntakeForm({
  defaultReceivedAt,
  failure,
}: {
  defaultReceivedAt: string;
  failure: IntakeFailure | undefined;
}) {
  const { t } = useI18n();
  const values = failure?.values ?? {};
  const [people, setPeople] = useState(Number(values.peopleCount ?? 1));
  const errorOf = (field: string) => (failure?.field === field ? failure.message : undefined);
  const invalid = (field: string) => fieldErrorProps(FORM_ID, field, errorOf(field));
  const message = (field: string) => <FieldError form={FORM_ID} name={field} message={errorOf(field)} />;
  return (
    <Form method="post" className="stacked-form" aria-label={t('cases.new')}>
      {failure && (
        <div id="intake-error">
          <Notice kind="error">{failure.message}</Notice>
        </div>
      )}
      <fieldset>
        <legend>{t('cases.detail.facts')}</legend>
        <label>
          {t('cases.field.receivedAt')}
          <input
            type="datetime-local"
            name="receivedAt"
            required
            defaultValue={values.receivedAt ?? defaultReceivedAt}
            {...invalid('receivedAt')}
          />
          {message('receivedAt')}
        </label>
        <label>
          {t('cases.field.channel')}
          <select name="channel" defaultValue={values.channel ?? 'visit'}>
            {CASE_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {vocabularyLabel(t, 'cases.channel', channel)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.field.category')}
          <select name="category" defaultValue={values.category ?? 'other'}>
            {CASE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {vocabularyLabel(t, 'cases.category', category)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.field.peopleCount')}
          <span className="with-badge">
            <input
              type="number"
              name="peopleCount"
              min={1}
              max={100000}
              required
              defaultValue={values.peopleCount ?? '1'}
              onChange={(event) => setPeople(Number(event.target.value))}
              className="narrow"
              {...invalid('peopleCount')}
            />
            {people >= COLLECTIVE_THRESHOLD && (
              <span className="badge badge-collective" data-testid="collective">
                {t('cases.badge.collective')}
              </span>
            )}
          </span>
          {message('peopleCount')}
          <small>{t('cases.hint.peopleCount')}</small>
        </label>
        <label>
          {t('cases.field.personTimes')}
          <input
            type="number"
            name="personTimes"
            min={1}
            max={100000}
            defaultValue={values.personTimes ?? ''}
            className="narrow"
            {...invalid('personTimes')}
          />
          {message('personTimes')}
        </label>
        <label className="check">
          <input type="checkbox" name="skipLevel" defaultChecked={values.skipLevel === 'on'} />
          {t('cases.field.skipLevel')}
        </label>
        <label className="check">
          <input type="checkbox" name="repeatPetition" defaultChecked={values.repeatPetition === 'on'} />
          {t('cases.field.repeatPetition')}
        </label>
        <label>
          {t('cases.field.duplicateOfCaseNumber')}
          <input
            name="duplicateOfCaseNumber"
            defaultValue={values.duplicateOfCaseNumber ?? ''}
            pattern="\d{6}-\d{4}-\d{6}"
            placeholder="130534-2026-000123"
            {...invalid('duplicateOfCaseNumber')}
          />
          {message('duplicateOfCaseNumber')}
          <small>{t('cases.hint.duplicateOf')}</small>
        </label>
        <label className="wide">
          {t('cases.field.summary')}
          <textarea
            name="summary"
            required
            maxLength={4000}
            rows={4}
            defaultValue={values.summary ?? ''}
            {...invalid('summary')}
          />
          {message('summary')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('cases.detail.personal')}</legend>
        <label>
          {t('cases.field.petitionerName')}
          <input
            name="petitionerName"
            required
            maxLength={100}
            defaultValue={values.petitionerName ?? ''}
            {...invalid('petitionerName')}
          />
          {message('petitionerName')}
        </label>
        <label>
          {t('cases.field.petitionerIdNumber')}
          <input
            name="petitionerIdNumber"
            maxLength={18}
            defaultValue={values.petitionerIdNumber ?? ''}
            autoComplete="off"
            {...invalid('petitionerIdNumber')}
          />
          {message('petitionerIdNumber')}
          <small>{t('cases.hint.idNumber')}</small>
        </label>
        <label>
          {t('cases.field.petitionerPhone')}
          <input
            name="petitionerPhone"
            type="tel"
            maxLength={30}
            defaultValue={values.petitionerPhone ?? ''}
            autoComplete="off"
            {...invalid('petitionerPhone')}
          />
          {message('petitionerPhone')}
        </label>
        <label className="wide">
          {t('cases.field.petitionerAddress')}
          <input
            name="petitionerAddress"
            maxLength={200}
            defaultValue={values.petitionerAddress ?? ''}
            autoComplete="off"
            {...invalid('petitionerAddress')}
          />
          {message('petitionerAddress')}
        </label>
      </fieldset>
      <button type="submit">{t('cases.form.submit')}</button>
    </Form>
  );
}
