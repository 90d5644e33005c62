import { Form } from 'react-router';
import type { CheckingEventKind } from '@tally/db/assessment';
import { kindLabelKey, levelLabelKey } from '../../lib/checking-labels.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useI18n } from '../../lib/i18n-context.ts';

export interface EventRow {
  id: string;
  unitCode: string;
  unitName: string;
  kind: CheckingEventKind;
  level: string | null;
  occurredOn: string;
  description: string;
  attachmentRef: string | null;
  createdByName: string;
  createdAt: Date | string;
  version: number;
  veto: boolean;
  canWithdraw: boolean;
}

/** The year's events; the checking unit withdraws one from a details element (reason required). */
export function EventTable({ rows }: { rows: EventRow[] }) {
  const { t, language } = useI18n();
  if (rows.length === 0) return <p className="empty">{t('checks.events.empty')}</p>;
  const anyWithdrawable = rows.some((row) => row.canWithdraw);
  return (
    <div className="table-scroll">
      <table className="data-table event-table">
        <thead>
          <tr>
            <th scope="col">{t('checks.events.occurredOn')}</th>
            <th scope="col">{t('checks.unit')}</th>
            <th scope="col">{t('checks.events.kind')}</th>
            <th scope="col">{t('checks.events.description')}</th>
            <th scope="col">{t('checks.events.attachmentRefCol')}</th>
            <th scope="col">{t('checks.events.recordedBy')}</th>
            {anyWithdrawable && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const levelKey = row.level ? levelLabelKey(row.kind, row.level) : null;
            return (
              <tr key={row.id} id={`event-${row.id}`} data-event={row.id}>
                <td>{formatCivilDate(row.occurredOn, language)}</td>
                <td>{row.unitName}</td>
                <td>
                  {t(kindLabelKey(row.kind))}
                  {row.level && `（${levelKey ? t(levelKey) : row.level}）`}
                  {row.veto && <span className="badge badge-muted">{t('checks.events.veto')}</span>}
                </td>
                <td className="event-description">{row.description}</td>
                <td>{row.attachmentRef ?? t('checks.none')}</td>
                <td>
                  {row.createdByName}
                  <br />
                  <span className="count">{formatDateTime(row.createdAt, language)}</span>
                </td>
                {anyWithdrawable && (
                  <td>
                    {row.canWithdraw && (
                      <details>
                        <summary>{t('checks.events.withdraw')}</summary>
                        <Form method="post" className="withdraw-form danger">
                          <input type="hidden" name="intent" value="withdraw" />
                          <input type="hidden" name="id" value={row.id} />
                          <input type="hidden" name="expectedVersion" value={row.version} />
                          <label>
                            {t('checks.events.withdrawReason')} <em className="required">*</em>
                            <textarea name="reason" required maxLength={500} />
                          </label>
                          <button type="submit">{t('checks.events.withdraw')}</button>
                        </Form>
                      </details>
                    )}
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
