import { Link } from 'react-router';
import { isRegisterKey, registerDefs } from '@tally/db/registers';
import type { MessageKey } from '../../i18n/index.ts';
import { useI18n } from '../../lib/i18n-context.ts';
import { labelOf } from '../registers/field-display.ts';

/** Links shown at once; a rule counted on hundreds of records keeps the rest folded. */
const SHOWN = 12;

const SOURCE_KEYS: Readonly<Record<string, MessageKey>> = {
  petition_cases: 'assessment.fact.petition_cases',
  checking_events: 'assessment.fact.checking_events',
  inspection_scores: 'assessment.fact.inspection_scores',
  report_cells: 'assessment.fact.report_cells',
  duty_gap: 'assessment.fact.duty_gap',
};

export interface FactLinkView {
  id: string;
  href: string | null;
  /** What kind of record it is (fact-links.ts): a register key, petition_cases, report_cells, … */
  source: string | null;
}

/** The records behind a breakdown line, each named by its kind ("信访件 1", "报送情况 3"), the long tail folded. */
export function FactLinks({ facts }: { facts: readonly FactLinkView[] }) {
  const { t, language } = useI18n();
  const name = (fact: FactLinkView, index: number) => {
    const source = fact.source ?? '';
    const kind = isRegisterKey(source)
      ? labelOf(registerDefs[source], language)
      : SOURCE_KEYS[source]
        ? t(SOURCE_KEYS[source])
        : t('assessment.breakdown.record');
    return `${kind} ${index + 1}`;
  };
  const item = (fact: FactLinkView, index: number) => (
    // A link to a cell or row of a page (#id) loads the document, so the browser scrolls to it and marks it :target.
    <li key={fact.id}>
      {fact.href ? (
        <Link to={fact.href} reloadDocument={fact.href.includes('#')}>
          {name(fact, index)}
        </Link>
      ) : (
        name(fact, index)
      )}
    </li>
  );
  return (
    <>
      <ul className="fact-links">{facts.slice(0, SHOWN).map(item)}</ul>
      {facts.length > SHOWN ? (
        <details>
          <summary>
            {t('assessment.breakdown.moreRecords', { count: facts.length - SHOWN, total: facts.length })}
          </summary>
          <ul className="fact-links">{facts.slice(SHOWN).map((fact, i) => item(fact, SHOWN + i))}</ul>
        </details>
      ) : null}
    </>
  );
}
