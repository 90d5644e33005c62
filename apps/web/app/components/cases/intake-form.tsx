import { useState } from 'react';
import { Form } from 'react-router';
import { COLLECTIVE_THRESHOLD } from '@tally/casework';
import { Notice } from '@tally/ui';
import { FieldWithError, fieldErrorProps } from '../field-error.tsx';
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
  // As on the ledger form, a field's message sits outside its label (FieldWithError).
  const fieldProps = (name: string) => ({ form: FORM_ID, name, message: errorOf(name) });
  return (
    <Form method="post" className="stacked-form" aria-label={t('cases.new')}>
      {failure && (
        <div id="intake-error">
          <Notice kind="error">{failure.message}</Notice>
        </div>
      )}
      <fieldset>
        <legend>{t('cases.detail.facts')}</legend>
        <FieldWithError {...fieldProps('receivedAt')}>
          <label>
            {t('cases.field.receivedAt')}
            <input
              type="datetime-local"
              name="receivedAt"
              required
              defaultValue={values.receivedAt ?? defaultReceivedAt}
              {...invalid('receivedAt')}
            />
          </label>
        </FieldWithError>
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
        <FieldWithError {...fieldProps('peopleCount')}>
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
            <small>{t('cases.hint.peopleCount')}</small>
          </label>
        </FieldWithError>
        <FieldWithError {...fieldProps('personTimes')}>
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
          </label>
        </FieldWithError>
        <label className="check">
          <input type="checkbox" name="skipLevel" defaultChecked={values.skipLevel === 'on'} />
          {t('cases.field.skipLevel')}
        </label>
        <label className="check">
          <input type="checkbox" name="repeatPetition" defaultChecked={values.repeatPetition === 'on'} />
          {t('cases.field.repeatPetition')}
        </label>
        <FieldWithError {...fieldProps('duplicateOfCaseNumber')}>
          <label>
            {t('cases.field.duplicateOfCaseNumber')}
            <input
              name="duplicateOfCaseNumber"
              defaultValue={values.duplicateOfCaseNumber ?? ''}
              pattern="\d{6}-\d{4}-\d{6}"
              placeholder="130534-2026-000123"
              {...invalid('duplicateOfCaseNumber')}
            />
            <small>{t('cases.hint.duplicateOf')}</small>
          </label>
        </FieldWithError>
        <FieldWithError {...fieldProps('summary')} wide>
          <label>
            {t('cases.field.summary')}
            <textarea
              name="summary"
              required
              maxLength={4000}
              rows={4}
              defaultValue={values.summary ?? ''}
              {...invalid('summary')}
            />
          </label>
        </FieldWithError>
      </fieldset>
      <fieldset>
        <legend>{t('cases.detail.personal')}</legend>
        <FieldWithError {...fieldProps('petitionerName')}>
          <label>
            {t('cases.field.petitionerName')}
            <input
              name="petitionerName"
              required
              maxLength={100}
              defaultValue={values.petitionerName ?? ''}
              {...invalid('petitionerName')}
            />
          </label>
        </FieldWithError>
        <FieldWithError {...fieldProps('petitionerIdNumber')}>
          <label>
            {t('cases.field.petitionerIdNumber')}
            <input
              name="petitionerIdNumber"
              maxLength={18}
              defaultValue={values.petitionerIdNumber ?? ''}
              autoComplete="off"
              {...invalid('petitionerIdNumber')}
            />
            <small>{t('cases.hint.idNumber')}</small>
          </label>
        </FieldWithError>
        <FieldWithError {...fieldProps('petitionerPhone')}>
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
          </label>
        </FieldWithError>
        <FieldWithError {...fieldProps('petitionerAddress')} wide>
          <label>
            {t('cases.field.petitionerAddress')}
            <input
              name="petitionerAddress"
              maxLength={200}
              defaultValue={values.petitionerAddress ?? ''}
              autoComplete="off"
              {...invalid('petitionerAddress')}
            />
          </label>
        </FieldWithError>
      </fieldset>
      <button type="submit">{t('cases.form.submit')}</button>
    </Form>
  );
}
