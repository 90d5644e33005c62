import { useI18n } from '../../lib/i18n-context.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';

export interface NoticeView {
  noticeNumber: string;
  issuedOn: string;
  dueOn: string;
  daysOverdue: number;
  replyBy: string;
  countyName: string;
  issuingUnit: string;
  caseNumber: string;
  category: string;
  /** Null when the issuing unit may not print it (§8): the matter is then named by its category. */
  summary: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  supervisingUnit: string;
  supervisor: string | null;
}

/** The A4 sheet of a supervision notice (督办通知书); print styles live in app.css under .notice-sheet. */
export function NoticeDocument({ notice }: { notice: NoticeView }) {
  const { t, language } = useI18n();
  const row = (label: string, value: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <article className="notice-sheet">
      <header className="notice-header">
        <p className="notice-issuer">{notice.countyName}{notice.issuingUnit !== notice.countyName ? ` ${notice.issuingUnit}` : ''}</p>
        <h1>{t('cases.notice.title')}</h1>
        <p className="notice-number">{t('cases.notice.number')}：{notice.noticeNumber}</p>
      </header>
      <p className="notice-to">{t('cases.notice.to', { unit: notice.responsibleUnit ?? '—' })}</p>
      <p className="notice-body">{t('cases.notice.body', { caseNumber: notice.caseNumber, replyBy: formatCivilDate(notice.replyBy, language) })}</p>
      <table className="notice-table">
        <tbody>
          {row(t('cases.field.caseNumber'), notice.caseNumber)}
          {notice.summary === null
            ? row(t('cases.field.category'), vocabularyLabel(t, 'cases.category', notice.category))
            : row(t('cases.notice.summary'), notice.summary)}
          {row(t('cases.notice.responsibleUnit'), notice.responsibleUnit ?? '—')}
          {row(t('cases.notice.responsiblePerson'), notice.responsiblePerson ?? '—')}
          {row(t('cases.notice.originalDeadline'), formatCivilDate(notice.dueOn, language))}
          {row(t('cases.notice.daysOverdue'), t('cases.notice.days', { days: notice.daysOverdue }))}
          {row(t('cases.notice.replyBy'), formatCivilDate(notice.replyBy, language))}
          {row(t('cases.notice.supervisingUnit'), notice.supervisor ? `${notice.supervisingUnit}（${notice.supervisor}）` : notice.supervisingUnit)}
        </tbody>
      </table>
      <footer className="notice-footer">
        <p>{notice.supervisingUnit}{t('cases.notice.seal')}</p>
        <p>{t('cases.notice.date')}：{formatCivilDate(notice.issuedOn, language)}</p>
      </footer>
    </article>
  );
}
