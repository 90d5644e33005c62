import type { PetitionFigures } from '@tally/casework';
import { useI18n } from '../../lib/i18n-context.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';
import { CASE_CHANNELS } from '@tally/casework';

/** The figures offices publish, with each rate's numerator and denominator beside it. */
export function FiguresTable({
  figures,
  unitName,
  from,
  to,
}: {
  figures: PetitionFigures;
  unitName: string;
  from: string;
  to: string;
}) {
  const { t, language } = useI18n();
  const rateRow = (label: string, value: PetitionFigures['closureRate']) => (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <strong>{value.display}</strong>{' '}
        <span className="count">
          {t('cases.figures.ratio', { numerator: value.numerator, denominator: value.denominator })}
        </span>
      </td>
    </tr>
  );
  const countRow = (label: string, value: number) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <>
      <p className="figures-summary">
        {t('cases.figures.summary', {
          unit: unitName,
          from: formatCivilDate(from, language),
          to: formatCivilDate(to, language),
          received: figures.received,
          letters: figures.letters,
          visits: figures.visits,
          personTimes: figures.visitPersonTimes,
          unique: figures.uniqueCases,
          closed: figures.closed,
          rate: figures.closureRate.display,
        })}
      </p>
      <div className="two-columns">
        <table className="data-table figures-table">
          <tbody>
            {countRow(t('cases.figures.received'), figures.received)}
            {countRow(t('cases.figures.letters'), figures.letters)}
            {countRow(t('cases.figures.visits'), figures.visits)}
            {countRow(t('cases.figures.personTimes'), figures.visitPersonTimes)}
            {countRow(t('cases.figures.unique'), figures.uniqueCases)}
            {countRow(t('cases.figures.closed'), figures.closed)}
            {rateRow(t('cases.figures.closureRate'), figures.closureRate)}
            {rateRow(t('cases.figures.onTimeRate'), figures.onTimeRate)}
            {rateRow(t('cases.figures.satisfactionRate'), figures.satisfactionRate)}
          </tbody>
        </table>
        <table className="data-table figures-table">
          <caption>{t('cases.figures.byChannel')}</caption>
          <tbody>
            {CASE_CHANNELS.map((channel) =>
              countRow(vocabularyLabel(t, 'cases.channel', channel), figures.byChannel[channel]),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
