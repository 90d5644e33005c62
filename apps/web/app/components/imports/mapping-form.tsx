import { Form } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';
import type { RegisterSummary } from '../../.server/imports/register-param.ts';
import { labelOf } from '../registers/field-display.ts';

/**
 * The header row and the field each column goes to, as selects: the user corrects a
 * guess and runs the preview again on the stored file (no second upload).
 */
export function MappingForm({
  headers,
  hiddenColumns,
  mapping,
  register,
  editable,
}: {
  headers: string[];
  /** Columns past the ones shown (the server sends at most the column limit). */
  hiddenColumns: number;
  mapping: Record<string, string>;
  register: RegisterSummary;
  editable: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <Form method="post" aria-label={t('imports.mapping.title')}>
      <input type="hidden" name="intent" value="remap" />
      <h2>{t('imports.mapping.title')}</h2>
      <p>{t('imports.mapping.hint')}</p>
      <table className="data-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('imports.mapping.header')}</th>
            <th>{t('imports.mapping.field')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, index) => (
            <tr key={index}>
              <td>{header}</td>
              <td>
                <select
                  name={`map.${index}`}
                  defaultValue={mapping[String(index)] ?? ''}
                  disabled={!editable}
                  aria-label={header || String(index + 1)}
                >
                  <option value="">{t('imports.mapping.ignore')}</option>
                  {register.fields.map((field) => (
                    <option key={field.key} value={field.key}>
                      {labelOf(field, language)}
                      {field.required ? ' *' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hiddenColumns > 0 && (
        <p data-testid="import-mapping-more">
          {t('imports.mapping.more', { count: hiddenColumns.toLocaleString(language) })}
        </p>
      )}
      {editable && <button type="submit">{t('imports.mapping.rerun')}</button>}
    </Form>
  );
}
