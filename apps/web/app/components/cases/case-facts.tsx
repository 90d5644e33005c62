import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/index.ts';
import { useI18n } from '../../lib/i18n-context.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';
import { CaseBadges } from './case-badges.tsx';
import { ClockBadge, type ClockView } from './clock-badge.tsx';
import { StatusLabel } from './status-label.tsx';

export interface CaseFactsView {
  caseNumber: string;
  receivedAt: string | Date;
  channel: string;
  category: string;
  /** Null when withheld from the actor's unit (§8). */
  summary: string | null;
  peopleCount: number;
  personTimes: number;
  skipLevel: boolean;
  repeatPetition: boolean;
  flagged: boolean;
  duplicateOf: string | null;
  status: string;
  unitCode: string;
  registeredUnitCode: string;
  assignedUnitCode: string | null;
  assignedPerson: string | null;
  complexity: string | null;
  closedAt: string | Date | null;
  satisfaction: string | null;
  refusalReason: string | null;
  reply: { method: string; content: string; on: string } | null;
  escalations: ReadonlyArray<{ fromUnitCode: string; toUnitCode: string; reason: string; on: string }>;
  clock: ClockView;
}

/** Every §3 field of a case, as a definition list. */
export function CaseFacts({ record, unitName }: { record: CaseFactsView; unitName: (code: string) => string }) {
  const { t, language } = useI18n();
  const yes = (value: boolean) => (value ? '✓' : '—');
  return (
    <dl className="facts">
      <dt>{t('cases.field.caseNumber')}</dt>
      <dd>
        {record.caseNumber}
        <CaseBadges
          peopleCount={record.peopleCount}
          skipLevel={record.skipLevel}
          repeatPetition={record.repeatPetition}
          flagged={record.flagged}
        />
      </dd>
      <dt>{t('cases.field.status')}</dt>
      <dd>
        <StatusLabel status={record.status} />
      </dd>
      <dt>{t('cases.field.receivedAt')}</dt>
      <dd>{formatDateTime(record.receivedAt, language)}</dd>
      <dt>{t('cases.field.channel')}</dt>
      <dd>{vocabularyLabel(t, 'cases.channel', record.channel)}</dd>
      <dt>{t('cases.field.category')}</dt>
      <dd>{vocabularyLabel(t, 'cases.category', record.category)}</dd>
      <dt>{t('cases.field.peopleCount')}</dt>
      <dd>{record.peopleCount}</dd>
      <dt>{t('cases.field.personTimes')}</dt>
      <dd>{record.personTimes}</dd>
      <dt>{t('cases.field.skipLevel')}</dt>
      <dd>{yes(record.skipLevel)}</dd>
      <dt>{t('cases.field.repeatPetition')}</dt>
      <dd>
        {yes(record.repeatPetition)}
        {record.duplicateOf && (
          <>
            {' '}
            · <Link to={`/cases/${record.duplicateOf}`}>{t('cases.field.duplicateOfCaseNumber')}</Link>
          </>
        )}
      </dd>
      <dt>{t('cases.field.summary')}</dt>
      <dd className="prewrap">{record.summary ?? t('registers.hiddenText')}</dd>
      <dt>{t('cases.field.registeredUnit')}</dt>
      <dd>{unitName(record.registeredUnitCode)}</dd>
      <dt>{t('cases.field.unit')}</dt>
      <dd>{unitName(record.unitCode)}</dd>
      <dt>{t('cases.field.assignedUnit')}</dt>
      <dd>{record.assignedUnitCode ? unitName(record.assignedUnitCode) : '—'}</dd>
      <dt>{t('cases.field.assignedPerson')}</dt>
      <dd>{record.assignedPerson ?? '—'}</dd>
      <dt>{t('cases.field.complexity')}</dt>
      <dd>{vocabularyLabel(t, 'cases.complexity', record.complexity)}</dd>
      <dt>{t('cases.field.dueOn')}</dt>
      <dd>
        {record.clock.stage && record.status !== 'refused' ? `${t(`cases.clock.stage.${record.clock.stage}`)} ` : ''}
        {formatCivilDate(record.clock.dueOn, language)} <ClockBadge clock={record.clock} />
      </dd>
      {record.refusalReason && (
        <>
          <dt>{t('cases.field.refusalReason')}</dt>
          <dd>{record.refusalReason}</dd>
        </>
      )}
      {record.reply && (
        <>
          <dt>{t('cases.field.reply')}</dt>
          <dd className="prewrap">
            {formatCivilDate(record.reply.on, language)} ·{' '}
            {vocabularyLabel(t, 'cases.replyMethod', record.reply.method)}：{record.reply.content}
          </dd>
        </>
      )}
      <dt>{t('cases.field.closedAt')}</dt>
      <dd>{record.closedAt ? formatDateTime(record.closedAt, language) : '—'}</dd>
      <dt>{t('cases.field.satisfaction')}</dt>
      <dd>{vocabularyLabel(t, 'cases.satisfaction', record.satisfaction)}</dd>
      {record.escalations.length > 0 && (
        <>
          <dt>{t('cases.field.escalations')}</dt>
          <dd>
            <ul className="plain-list">
              {record.escalations.map((escalation, index) => (
                <li key={index}>
                  {formatCivilDate(escalation.on, language)} {unitName(escalation.fromUnitCode)} →{' '}
                  {unitName(escalation.toUnitCode)}：{escalation.reason}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
