import { Form } from 'react-router';
import type { ImportReading } from '@tally/db';
import { useI18n } from '../../lib/i18n-context.ts';

/**
 * Which sheet of a workbook was read and which row was taken as the header, with the
 * choice of another: a ledger may keep an instructions sheet in front, or a title above
 * the header. Re-reading runs the preview again on the stored file, mapping guessed anew.
 */
export function ReadingForm({ reading, editable }: { reading: Omit<ImportReading, 'choice'>; editable: boolean }) {
  const { t } = useI18n();
  const several = reading.sheets.length > 1;
  return (
    <Form method="post" aria-label={t('imports.reading.title')} data-testid="import-reading">
      <input type="hidden" name="intent" value="reread" />
      <h2>{t('imports.reading.title')}</h2>
      {several && reading.sheet && (
        <p data-testid="import-sheet-read">
          {t('imports.reading.sheetRead', { sheet: reading.sheet, count: reading.sheets.length })}
        </p>
      )}
      {reading.headerRow > 1 && <p>{t('imports.reading.headerFound', { row: reading.headerRow })}</p>}
      {editable && (
        <div className="inline-form">
          {several && (
            <label>
              {t('imports.reading.sheet')}{' '}
              <select name="sheet" defaultValue={reading.sheet ?? ''} style={{ maxWidth: '100%' }}>
                {reading.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {reading.topRows.length > 1 && (
            <label>
              {t('imports.reading.headerRow')}{' '}
              <select name="headerRow" defaultValue={String(reading.headerRow)} style={{ maxWidth: '100%' }}>
                {reading.topRows.map((row) => (
                  <option key={row.row} value={row.row}>
                    {t('imports.reading.headerOption', {
                      row: row.row,
                      cells: row.cells
                        .filter((cell) => cell !== '')
                        .slice(0, 4)
                        .join(' | '),
                    })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(several || reading.topRows.length > 1) && <button type="submit">{t('imports.reading.reread')}</button>}
        </div>
      )}
    </Form>
  );
}
