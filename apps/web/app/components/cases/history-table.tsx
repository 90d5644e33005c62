import { formatDateTime } from '../../i18n/index.ts';
import { useI18n } from '../../lib/i18n-context.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';

export interface TransitionView {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  at: string | Date;
  note: string | null;
}

/** The append-only workflow log: who did what, when, from which state to which. */
export function HistoryTable({
  transitions,
  unitNames = {},
}: {
  transitions: TransitionView[];
  unitNames?: Record<string, string>;
}) {
  const { t, language } = useI18n();
  // An assignment's note starts with the unit's code (the log keeps codes, which never change): show its name.
  const named = (note: string) => {
    const code = Object.keys(unitNames).find((candidate) => note.startsWith(`${candidate} `));
    return code ? `${unitNames[code]}${note.slice(code.length)}` : note;
  };
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>{t('cases.detail.history.at')}</th>
          <th>{t('cases.detail.history.actor')}</th>
          <th>{t('common.actions')}</th>
          <th>{t('cases.detail.history.from')}</th>
          <th>{t('cases.detail.history.to')}</th>
          <th>{t('cases.detail.history.note')}</th>
        </tr>
      </thead>
      <tbody>
        {transitions.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDateTime(entry.at, language)}</td>
            <td>{entry.actorName}</td>
            <td>{vocabularyLabel(t, 'cases.action', entry.action)}</td>
            <td>{vocabularyLabel(t, 'cases.status', entry.fromStatus)}</td>
            <td>{vocabularyLabel(t, 'cases.status', entry.toStatus)}</td>
            <td className="prewrap">{entry.note ? named(entry.note) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
