import type { Translate } from '../../i18n/index.ts';

/** "↑2", "↓1", "持平", or "—" when the unit was not ranked in the previous period. */
export function rankChangeText(change: number | null, t: Translate): string {
  if (change === null) return t('dashboard.change.new');
  if (change > 0) return t('dashboard.change.up', { n: change });
  if (change < 0) return t('dashboard.change.down', { n: -change });
  return t('dashboard.change.same');
}
