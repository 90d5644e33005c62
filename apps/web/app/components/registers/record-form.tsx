import { Form } from 'react-router';
import type { FieldDef, FieldValue, RegisterDef } from '@tally/imports';
import type { FieldProblem } from '../../.server/errors.ts';
import { useI18n } from '../../lib/i18n-context.ts';
import { FieldWithError, fieldErrorProps } from '../field-error.tsx';
import { labelOf } from './field-display.ts';

const FORM_ID = 'record';
const inputId = (key: string) => `${FORM_ID}-${key}`;

function FieldInput({
  field,
  value,
  error,
}: {
  field: FieldDef;
  value: FieldValue | undefined;
  error: string | undefined;
}) {
  const { language, t } = useI18n();
  const text = value === null || value === undefined ? '' : String(value);
  const common = {
    id: inputId(field.key),
    name: field.key,
    required: field.required,
    defaultValue: text,
    ...fieldErrorProps(FORM_ID, field.key, error),
  };
  if (field.enum) {
    return (
      <select {...common}>
        <option value="">{t('registers.choose')}</option>
        {field.enum.map((option) => (
          <option key={option.value} value={option.value}>
            {language === 'en' ? (option.labelEn ?? option.labels[0]) : option.labels[0]}
          </option>
        ))}
      </select>
    );
  }
  switch (field.type) {
    case 'date':
      return <input type="date" {...common} />;
    case 'int':
      return <input type="number" step={1} min={field.min ?? 0} max={field.max} {...common} />;
    case 'id_number':
      return <input {...common} maxLength={18} pattern="\d{17}[\dXx]" autoComplete="off" />;
    case 'phone':
      return <input type="tel" {...common} maxLength={20} autoComplete="off" />;
    default:
      return field.long ? <textarea {...common} rows={3} maxLength={4000} /> : <input {...common} maxLength={500} />;
  }
}

/**
 * One record's fields as a plain form: it posts without JavaScript, and the server checks
 * every field with the same rules as an import, so the browser's checks are only a help.
 */
export function RecordForm({
  def,
  values,
  intent,
  submitLabel,
  updatedAt,
  problems,
}: {
  def: RegisterDef;
  values?: Record<string, FieldValue>;
  intent: string;
  submitLabel: string;
  updatedAt?: string;
  /** Refused fields of the last post: each message is shown under its field. */
  problems?: readonly FieldProblem[];
}) {
  const { language, t } = useI18n();
  const errorOf = (key: string) => {
    const mine = (problems ?? []).filter((problem) => problem.field === key);
    return mine.length
      ? mine.map((problem) => (language === 'en' ? problem.en : problem.zh)).join(language === 'en' ? '; ' : '；')
      : undefined;
  };
  return (
    <Form method="post" className="record-form">
      <input type="hidden" name="intent" value={intent} />
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      {def.fields.map((field) => (
        <FieldWithError
          key={field.key}
          form={FORM_ID}
          name={field.key}
          message={errorOf(field.key)}
          wide={field.long === true}
        >
          <label htmlFor={inputId(field.key)}>
            {labelOf(field, language)}
            {field.required ? <em className="required">（{t('registers.required')}）</em> : null}
          </label>
          <FieldInput field={field} value={values?.[field.key]} error={errorOf(field.key)} />
        </FieldWithError>
      ))}
      <div className="form-actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

/** Form fields back into the plain strings the procedures check. */
export function formRecord(def: RegisterDef, form: FormData): Record<string, string> {
  return Object.fromEntries(def.fields.map((field) => [field.key, String(form.get(field.key) ?? '').trim()]));
}
