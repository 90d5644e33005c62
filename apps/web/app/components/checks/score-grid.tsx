import { Form, Link } from 'react-router';
import type { InspectionComponent } from '@tally/db/assessment';
import { useI18n } from '../../lib/i18n-context.ts';
import { formatScore } from '../../lib/score-format.ts';
import { cellHref, periodLabel } from './period-label.ts';

export interface ScoreRow {
  unitCode: string;
  name: string;
  active?: boolean;
  cells: Array<{ periodNo: number; score: string | null; version: number; open: boolean }>;
}

/** What a refused row save typed, so it comes back into the fields. */
export interface RowDraft {
  unitCode: string;
  scores: Record<string, string>;
}

interface ScoreGridProps {
  caption: string;
  year: number;
  component: InspectionComponent;
  periods: number[];
  rows: ScoreRow[];
  /** The reader is these units' checking unit: empty open cells get a field, each row a save button. */
  editable: boolean;
  draft?: RowDraft | undefined;
  /** Per row, a link to the units below it (the county opening a township's villages). */
  drillDown?: ((row: ScoreRow) => string | null) | undefined;
}

/**
 * Units × periods with the score in force. A score links to its cell page (history, correction).
 * An empty cell is a field of its row's form; the fields sit in table cells and join the form
 * through the `form` attribute, so a plain post without JavaScript carries the whole row.
 */
export function ScoreGrid({ caption, year, component, periods, rows, editable, draft, drillDown }: ScoreGridProps) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table score-grid">
        <caption className="count">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checks.unit')}</th>
            {periods.map((periodNo) => (
              <th key={periodNo} scope="col">
                {periodLabel(t, component, periodNo)}
              </th>
            ))}
            {editable && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const formId = `scores-${row.unitCode}`;
            const typed = draft?.unitCode === row.unitCode ? draft.scores : {};
            const below = drillDown?.(row) ?? null;
            return (
              <tr key={row.unitCode} data-unit={row.unitCode}>
                <th scope="row">
                  {row.name}
                  {row.active === false && <span className="badge badge-muted">{t('checks.inactive')}</span>}
                  {below && (
                    <>
                      {' '}
                      <Link to={below}>{t('checks.inspections.drillDown')}</Link>
                    </>
                  )}
                </th>
                {row.cells.map((cell) => {
                  const label = periodLabel(t, component, cell.periodNo);
                  if (cell.score !== null) {
                    return (
                      <td key={cell.periodNo}>
                        <Link
                          to={cellHref(row.unitCode, year, component, cell.periodNo)}
                          aria-label={t('checks.inspections.cellLink', {
                            unit: row.name,
                            period: label,
                            score: formatScore(cell.score),
                          })}
                        >
                          {formatScore(cell.score)}
                        </Link>
                        {cell.version > 1 && (
                          <span className="version" title={t('checks.inspections.version', { version: cell.version })}>
                            v{cell.version}
                          </span>
                        )}
                      </td>
                    );
                  }
                  if (editable && cell.open) {
                    return (
                      <td key={cell.periodNo}>
                        <input
                          form={formId}
                          name={`score.${cell.periodNo}`}
                          inputMode="decimal"
                          maxLength={6}
                          pattern="[0-9０-９]{1,3}([.．][0-9０-９]{1,2})?"
                          defaultValue={typed[String(cell.periodNo)] ?? ''}
                          aria-label={`${row.name} ${label}`}
                          title={t('checks.scoreHint')}
                        />
                      </td>
                    );
                  }
                  return (
                    <td key={cell.periodNo} className="closed">
                      {t('checks.none')}
                    </td>
                  );
                })}
                {editable && (
                  <td>
                    <Form method="post" id={formId}>
                      <input type="hidden" name="intent" value="row" />
                      <input type="hidden" name="year" value={year} />
                      <input type="hidden" name="component" value={component} />
                      <input type="hidden" name="unitCode" value={row.unitCode} />
                      <input type="hidden" name="unitName" value={row.name} />
                      <button type="submit">{t('checks.inspections.saveRow')}</button>
                    </Form>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
