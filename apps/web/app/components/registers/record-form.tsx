import { Form } from 'react-router';
import type { FieldDef, FieldValue, RegisterDef } from '@tally/imports';
import { useI18n } from '../../lib/i18n-context.ts';
import { labelOf } from './field-display.ts';

function FieldInput({ field, value }: { field: FieldDef; value: FieldValue | undefined }) {
  const { language, t } = useI18n();
  const text = value === null || value === undefined ? '' : String(value);
  const common = { name: field.key, required: field.required, defaultValue: text };
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
export function RecordForm({ def, values, intent, submitLabel, updatedAt }: {
  def: RegisterDef;
  values?: Record<string, FieldValue>;
  intent: string;
  submitLabel: string;
  updatedAt?: string;
}) {
  const { language, t } = useI18n();
  return (
    <Form method="post" className="record-form">
      <input type="hidden" name="intent" value={intent} />
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      {def.fields.map((field) => (
        <label key={field.key} className={field.long ? 'wide' : undefined}>
          <span>
            {labelOf(field, language)}
            {field.required ? <em className="required">（{t('registers.required')}）</em> : null}
          </span>
          <FieldInput field={field} value={values?.[field.key]} />
        </label>
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
