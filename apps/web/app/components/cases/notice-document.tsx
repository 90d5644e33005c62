import { useI18n } from '../../lib/i18n-context.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';

export interface NoticeView {
  noticeNumber: string;
  issuedOn: string;
  dueOn: string;
  stage: 'accept' | 'assign' | 'handle';
  /** Working days overdue: the case clock's figure, as the case list shows it. */
  daysOverdue: number;
  replyBy: string;
  countyName: string;
  /** The unit above the responsible unit; null when the county's supervising office supervises. */
  supervisingUnit: string | null;
  supervisingOffice: boolean;
  /** The 六定 supervising unit, printed when it names someone other than the issuer. */
  recordedSupervisingUnit: string | null;
  caseNumber: string;
  category: string;
  /** Null when the viewing unit may not print it (§8): the matter is then named by its category. */
  summary: string | null;
  responsibleUnit: string;
  responsiblePerson: string | null;
  leadLeader: string | null;
  supervisor: string | null;
}

/** The county's supervising office by the county's name: 清河县 → 清河县委县政府督查室. */
function countyOfficeName(t: ReturnType<typeof useI18n>['t'], countyName: string): string {
  return t('cases.notice.countyOffice', { county: countyName, suffix: countyName.slice(-1) });
}

/** The A4 sheet of a supervision notice (督办通知书); print styles live in app.css under .notice-sheet. */
export function NoticeDocument({ notice }: { notice: NoticeView }) {
  const { t, language } = useI18n();
  const issuer =
    notice.supervisingOffice || notice.supervisingUnit === null
      ? countyOfficeName(t, notice.countyName)
      : notice.supervisingUnit;
  const limit = t(`cases.clock.stage.${notice.stage}`);
  const row = (label: string, value: string, testId?: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{value}</td>
    </tr>
  );
  return (
    <article className="notice-sheet">
      <header className="notice-header">
        <p className="notice-issuer" data-testid="notice-issuer">
          {issuer}
        </p>
        <h1>{t('cases.notice.title')}</h1>
        <p className="notice-number">
          {t('cases.notice.number')}：{notice.noticeNumber}
        </p>
      </header>
      <p className="notice-to">{t('cases.notice.to', { unit: notice.responsibleUnit })}</p>
      <p className="notice-body">
        {t('cases.notice.body', {
          caseNumber: notice.caseNumber,
          limit,
          replyBy: formatCivilDate(notice.replyBy, language),
        })}
      </p>
      <table className="notice-table">
        <tbody>
          {row(t('cases.field.caseNumber'), notice.caseNumber)}
          {notice.summary === null
            ? row(t('cases.field.category'), vocabularyLabel(t, 'cases.category', notice.category))
            : row(t('cases.notice.summary'), notice.summary)}
          {row(t('cases.six.leadLeader'), notice.leadLeader ?? '', 'notice-lead-leader')}
          {row(t('cases.notice.responsibleUnit'), notice.responsibleUnit)}
          {row(t('cases.notice.responsiblePerson'), notice.responsiblePerson ?? '')}
          {row(t('cases.notice.limit'), limit)}
          {row(t('cases.notice.originalDeadline'), formatCivilDate(notice.dueOn, language))}
          {row(
            t('cases.notice.daysOverdue'),
            t('cases.clock.daysOverdue', { days: notice.daysOverdue }),
            'notice-days-overdue',
          )}
          {row(t('cases.notice.replyBy'), formatCivilDate(notice.replyBy, language))}
          {row(t('cases.notice.supervisingUnit'), issuer, 'notice-supervising-unit')}
          {row(t('cases.six.supervisor'), notice.supervisor ?? '', 'notice-supervisor')}
          {notice.recordedSupervisingUnit && notice.recordedSupervisingUnit !== issuer
            ? row(t('cases.notice.recordedSupervisingUnit'), notice.recordedSupervisingUnit)
            : null}
        </tbody>
      </table>
      <footer className="notice-footer">
        <p>
          {issuer}
          {t('cases.notice.seal')}
        </p>
        <p>
          {t('cases.notice.date')}：{formatCivilDate(notice.issuedOn, language)}
        </p>
      </footer>
    </article>
  );
}
