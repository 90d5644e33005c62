import { Form, Link } from 'react-router';
import type { RegisterDef } from '@tally/imports';
import { useI18n } from '../../lib/i18n-context.ts';
import { labelOf } from './field-display.ts';

interface UnitOption {
  code: string;
  name: string;
  level: string;
}

/** A GET form, so a filtered list is a URL a clerk can bookmark, share, or export. */
export function ListFilters({
  def,
  units,
  search,
}: {
  def: RegisterDef;
  units: UnitOption[];
  search: URLSearchParams;
}) {
  const { language, t } = useI18n();
  const enums = def.fields.filter((field) => field.enum);
  return (
    <Form method="get" className="inline-form filters" aria-label={t('registers.filter')}>
      {units.length > 1 ? (
        <label>
          {t('registers.unit')}
          <select name="unit" defaultValue={search.get('unit') ?? ''}>
            <option value="">{t('registers.allUnits')}</option>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.level === 'village' ? '　' : ''}
                {unit.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t('registers.from')}
        <input type="date" name="from" defaultValue={search.get('from') ?? ''} />
      </label>
      <label>
        {t('registers.to')}
        <input type="date" name="to" defaultValue={search.get('to') ?? ''} />
      </label>
      {enums.map((field) => (
        <label key={field.key}>
          {labelOf(field, language)}
          <select name={`f.${field.key}`} defaultValue={search.get(`f.${field.key}`) ?? ''}>
            <option value="">{t('registers.any')}</option>
            {field.enum!.map((option) => (
              <option key={option.value} value={option.value}>
                {language === 'en' ? (option.labelEn ?? option.labels[0]) : option.labels[0]}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        {t('registers.search')}
        <input type="search" name="q" maxLength={50} defaultValue={search.get('q') ?? ''} />
      </label>
      <button type="submit">{t('registers.filter')}</button>
      <Link to="?">{t('registers.clear')}</Link>
    </Form>
  );
}
