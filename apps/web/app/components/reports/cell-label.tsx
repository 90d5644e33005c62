import { Link } from 'react-router';
import type { CellState } from '@tally/reporting';
import { useI18n } from '../../lib/i18n-context.ts';
import { cellKey } from '../../lib/report-labels.ts';

/** A matrix cell's state: its colour and, always, its word; a link to the report when there is one. */
export function CellLabel({ state, reportId }: { state: CellState; reportId: string | null }) {
  const { t } = useI18n();
  const label = t(cellKey(state));
  return reportId ? <Link to={`/reports/${reportId}`}>{label}</Link> : <span>{label}</span>;
}
