import { Form, useNavigation } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

/**
 * Commit and cancel. With bad rows in the file the commit needs the explicit choice
 * "import the valid rows only", and with implausible values the acknowledgement "I have
 * checked them"; the server refuses it otherwise (the boxes are hints, not the guard).
 * While required columns are missing nothing can be imported: only cancel is offered,
 * the fix is the mapping the page leads with.
 */
export function CommitForm({
  validRows,
  errorRows,
  warningRows,
  missingColumns,
}: {
  validRows: number;
  errorRows: number;
  warningRows: number;
  missingColumns: boolean;
}) {
  const { t, language } = useI18n();
  const n = (value: number) => value.toLocaleString(language);
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'commit';
  return (
    <div className="inline-form">
      {!missingColumns && (
        <Form method="post" aria-label={t('imports.commit')}>
          <input type="hidden" name="intent" value="commit" />
          {warningRows > 0 && (
            <label className="checkbox">
              <span>
                <input type="checkbox" name="acceptWarnings" value="1" />{' '}
                {t('imports.acceptWarnings', { count: n(warningRows) })}
              </span>
            </label>
          )}
          {errorRows > 0 && (
            <>
              <p>{t('imports.blockedByErrors', { count: n(errorRows) })}</p>
              <label className="checkbox">
                <span>
                  <input type="checkbox" name="acceptErrors" value="1" />{' '}
                  {t('imports.acceptErrors', { valid: n(validRows), errors: n(errorRows) })}
                </span>
              </label>
            </>
          )}
          {/* Disabled while submitting: a double click sends one request (the server also commits once). */}
          <button type="submit" disabled={submitting || validRows === 0}>
            {t('imports.commit')}
          </button>
        </Form>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="cancel" />
        <button type="submit" className="link-button">
          {t('imports.cancel')}
        </button>
      </Form>
    </div>
  );
}
