import { describe, expect, it } from 'vitest';
import { userRoles } from '@tally/db/roles';
import { navigationFor } from '../../app/lib/navigation.ts';

describe('case navigation', () => {
  it('offers the case screens to the four case-data roles only (docs/domain.md §1)', () => {
    const withCases = userRoles.filter((role) => navigationFor(role).some((item) => item.to === '/cases'));
    expect(withCases.sort()).toEqual(['county_admin', 'county_staff', 'township_staff', 'village_staff']);
    for (const role of withCases) expect(navigationFor(role).map((item) => item.to)).toContain('/cases/figures');
  });
});
