import { COLLECTIVE_THRESHOLD } from '@tally/casework';
import { useI18n } from '../../lib/i18n-context.ts';

/** The markers staff scan for: collective (5+ people), skip-level, repeat, flagged supervision. */
export function CaseBadges({
  peopleCount,
  skipLevel,
  repeatPetition,
  flagged,
}: {
  peopleCount: number;
  skipLevel?: boolean;
  repeatPetition?: boolean;
  flagged?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {peopleCount >= COLLECTIVE_THRESHOLD && (
        <span className="badge badge-collective">{t('cases.badge.collective')}</span>
      )}
      {skipLevel && <span className="badge badge-muted">{t('cases.badge.skipLevel')}</span>}
      {repeatPetition && <span className="badge badge-muted">{t('cases.badge.repeat')}</span>}
      {flagged && <span className="badge badge-flagged">{t('cases.badge.flagged')}</span>}
    </>
  );
}
