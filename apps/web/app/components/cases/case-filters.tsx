import { Form, Link } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';
import { CASE_CATEGORIES, CASE_CHANNELS, CASE_STATUSES } from '@tally/casework';
import {
  DUE_SOON_DAYS,
  activeTab,
  caseListSearch,
  type CaseListQuery,
  type CaseTab,
} from '../../lib/case-list-query.ts';

const TABS: Array<{ tab: CaseTab; query: Partial<CaseListQuery> }> = [
  { tab: 'all', query: {} },
  { tab: 'mine', query: { awaitingMyUnit: true } },
  { tab: 'overdue', query: { overdue: true } },
  { tab: 'dueSoon', query: { dueWithinDays: DUE_SOON_DAYS } },
  { tab: 'flagged', query: { flagged: true } },
];

/** Quick tabs plus the full filter form; a GET form, so it works without JavaScript. */
export function CaseFilters({ query }: { query: CaseListQuery }) {
  const { t } = useI18n();
  const current = activeTab(query);
  const any = <option value="">{t('cases.filter.any')}</option>;
  return (
    <>
      <nav className="tabs" aria-label={t('cases.title')}>
        {TABS.map(({ tab, query: tabQuery }) => (
          <Link
            key={tab}
            to={`/cases${caseListSearch(tabQuery)}`}
            className={current === tab ? 'tab tab-active' : 'tab'}
            aria-current={current === tab ? 'page' : undefined}
          >
            {t(`cases.tab.${tab}`)}
          </Link>
        ))}
      </nav>
      <Form method="get" className="inline-form filters" aria-label={t('cases.filter.submit')}>
        <label>
          {t('cases.field.status')}
          <select name="status" defaultValue={query.status ?? ''}>
            {any}
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {vocabularyLabel(t, 'cases.status', status)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.field.channel')}
          <select name="channel" defaultValue={query.channel ?? ''}>
            {any}
            {CASE_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {vocabularyLabel(t, 'cases.channel', channel)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.field.category')}
          <select name="category" defaultValue={query.category ?? ''}>
            {any}
            {CASE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {vocabularyLabel(t, 'cases.category', category)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.filter.receivedFrom')}
          <input type="date" name="from" defaultValue={query.receivedFrom ?? ''} />
        </label>
        <label>
          {t('cases.filter.receivedTo')}
          <input type="date" name="to" defaultValue={query.receivedTo ?? ''} />
        </label>
        <label>
          {t('cases.filter.dueWithinDays')}
          <input
            type="number"
            name="due"
            min={0}
            max={60}
            defaultValue={query.dueWithinDays ?? ''}
            className="narrow"
          />
        </label>
        <label>
          {t('cases.filter.caseNumber')}
          <input
            name="q"
            defaultValue={query.caseNumber ?? ''}
            pattern="[0-9\-]{1,20}"
            maxLength={20}
            placeholder="130534-2026-"
          />
        </label>
        <label className="check">
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === true} />
          {t('cases.filter.overdue')}
        </label>
        <label className="check">
          <input type="checkbox" name="flagged" value="1" defaultChecked={query.flagged === true} />
          {t('cases.filter.flagged')}
        </label>
        <button type="submit">{t('cases.filter.submit')}</button>
        <Link to="/cases">{t('cases.filter.reset')}</Link>
      </Form>
    </>
  );
}
