import { registerDefs, registerKeys } from '@tally/db/registers';
import { useI18n } from '../../lib/i18n-context.ts';

interface Figures {
  registers?: Record<string, number>;
  disputes?: Record<string, number | string>;
  cases?: Record<string, number>;
  villages?: { accepted: number; missing: { code: string; name: string }[]; late: { code: string; name: string }[] };
}

function isFigures(value: unknown): value is Figures {
  return typeof value === 'object' && value !== null;
}

/** The counts a report carries: registers, disputes, petition cases; a township's also its villages' filings. */
export function FiguresTable({ figures }: { figures: unknown }) {
  const { t, language } = useI18n();
  if (!isFigures(figures)) return null;
  const registers = figures.registers ?? {};
  const disputes = figures.disputes ?? {};
  const cases = figures.cases ?? {};
  return (
    <div className="table-scroll">
      <table className="figures-table">
        <tbody>
          <tr>
            <th colSpan={2}>{t('reports.figures.registers')}</th>
          </tr>
          {registerKeys.map((key) => (
            <tr key={key}>
              <th scope="row">{language === 'zh-CN' ? registerDefs[key].label : registerDefs[key].labelEn}</th>
              <td>{registers[key] ?? 0}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={2}>{t('reports.figures.disputes')}</th>
          </tr>
          {(['total', 'minor', 'ordinary', 'major', 'mediated', 'settled', 'successRate'] as const).map((key) => (
            <tr key={key}>
              <th scope="row">{t(`reports.figures.${key}`)}</th>
              <td>{disputes[key] ?? 0}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={2}>{t('reports.figures.cases')}</th>
          </tr>
          {(['received', 'uniqueCases', 'closed', 'overdue'] as const).map((key) => (
            <tr key={key}>
              <th scope="row">{t(`reports.figures.${key}`)}</th>
              <td>{cases[key] ?? 0}</td>
            </tr>
          ))}
          {figures.villages && (
            <>
              <tr>
                <th colSpan={2}>{t('reports.figures.villages')}</th>
              </tr>
              <tr>
                <th scope="row">{t('reports.figures.accepted')}</th>
                <td>{figures.villages.accepted}</td>
              </tr>
              <tr>
                <th scope="row">{t('reports.figures.missing')}</th>
                <td>{figures.villages.missing.map((v) => v.name).join('、') || '—'}</td>
              </tr>
              <tr>
                <th scope="row">{t('reports.figures.late')}</th>
                <td>{figures.villages.late.map((v) => v.name).join('、') || '—'}</td>
              </tr>
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}
