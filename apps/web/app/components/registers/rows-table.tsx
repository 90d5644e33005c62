import { Link } from 'react-router';
import type { FieldValue, RegisterDef } from '@tally/imports';
import { useI18n } from '../../lib/i18n-context.ts';
import { displayValue, labelOf, listColumns } from './field-display.ts';

interface Row {
  id: string;
  unitName: string;
  values: Record<string, FieldValue>;
  hidden: string[];
  own: boolean;
  importId: string | null;
}

export function RowsTable({ def, rows, showUnit }: { def: RegisterDef; rows: Row[]; showUnit: boolean }) {
  const { language, t } = useI18n();
  const columns = listColumns(def);
  if (rows.length === 0) return <p className="empty">{t('registers.empty')}</p>;
  return (
    <table className="data-table" data-testid="register-rows">
      <thead>
        <tr>
          {showUnit ? <th>{t('registers.unit')}</th> : null}
          {columns.map((field) => (
            <th key={field.key}>{labelOf(field, language)}</th>
          ))}
          <th>{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {showUnit ? <td>{row.unitName}</td> : null}
            {columns.map((field) => (
              <td key={field.key}>
                {row.hidden.includes(field.key)
                  ? t('registers.hiddenText')
                  : displayValue(field, row.values[field.key], language)}
              </td>
            ))}
            <td>
              <Link to={row.id}>{row.own ? t('registers.edit') : t('registers.view')}</Link>
              {row.importId ? <span className="badge badge-muted">{t('registers.importedRow')}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
