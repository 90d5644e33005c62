import { describe, expect, it } from 'vitest';
import { userRoles } from '@tally/db/roles';
import { navigationFor } from '../../app/lib/navigation.ts';

describe('navigation for the dispute and calendar screens', () => {
  const featurePaths = ['/disputes/rates', '/mediation', '/calendar'];
  it('offers them to every case-data role and to nobody else', () => {
    for (const role of userRoles) {
      const paths = navigationFor(role).map((item) => item.to);
      const keepsCaseData = ['county_admin', 'county_staff', 'township_staff', 'village_staff'].includes(role);
      for (const path of featurePaths) expect(paths.includes(path), `${role} ${path}`).toBe(keepsCaseData);
    }
  });
});

describe('navigation for the assessment inputs', () => {
  it('offers the checks screens to every case-data role and to nobody else', () => {
    for (const role of userRoles) {
      const keepsCaseData = ['county_admin', 'county_staff', 'township_staff', 'village_staff'].includes(role);
      expect(
        navigationFor(role).some((item) => item.to === '/checks/inspections'),
        role,
      ).toBe(keepsCaseData);
    }
  });
});
