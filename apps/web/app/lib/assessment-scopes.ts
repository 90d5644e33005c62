import type { Translate } from '../i18n/index.ts';
import type { ScopeOption } from '../components/assessment/period-form.tsx';

export interface ScopeUnit {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
}

/** What a reader may rank: the county's townships, and the villages of each township in its scope. */
export function scopeOptions(units: readonly ScopeUnit[], t: Translate): ScopeOption[] {
  return units.flatMap((unit) => {
    if (unit.level === 'county') return [{ code: unit.code, label: t('assessment.scope.townships') }];
    if (unit.level === 'township')
      return [{ code: unit.code, label: t('assessment.scope.villages', { name: unit.name }) }];
    return [];
  });
}
