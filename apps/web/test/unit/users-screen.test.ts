import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { UserRole } from '@tally/db/roles';
import Users from '../../app/routes/users.tsx';

/* The users screen offers only what the actor may do (docs/security.md "Who may grant which role"). */
const units = [{ code: '130534000000', name: '甲县', level: 'county', parentCode: null, active: true }];
const row = (id: string, role: UserRole) => ({
  id,
  loginName: `u_${id}`,
  displayName: id,
  role,
  unitCode: '130534000000',
  disabled: false,
  lockedUntil: null,
});
const people = [
  row('self', 'county_admin'),
  row('admin2', 'county_admin'),
  row('sec', 'security_admin'),
  row('aud', 'auditor'),
  row('staff', 'county_staff'),
];

function render(actorRole: UserRole): string {
  const Stub = createRoutesStub([{ id: 'users', path: '/users', Component: Users }]);
  const loaderData = {
    users: {
      users: people,
      unitNames: { [units[0]!.code]: units[0]!.name },
      unitMatches: units,
      unitQuery: '',
      now: Date.now(),
      actor: { userId: 'self', role: actorRole },
    },
  };
  return renderToString(createElement(Stub, { initialEntries: ['/users'], hydrationData: { loaderData } }));
}

/** Role values offered by the create form's select (the first form on the page). */
function offeredRoles(html: string): string[] {
  const createForm = html.slice(0, html.indexOf('</form>'));
  return [...createForm.matchAll(/<option value="([a-z_]+)"/g)].map((match) => match[1]!);
}

/** The intents offered on a user's row. */
function rowIntents(html: string, id: string): string[] {
  const start = html.indexOf(`<td>u_${id}</td>`);
  const rowHtml = html.slice(start, html.indexOf('</tr>', start));
  return [...rowHtml.matchAll(/name="intent" value="([a-z-]+)"/g)].map((match) => match[1]!);
}

describe('users screen', () => {
  it('offers the county admin the case-data roles only', () => {
    expect(offeredRoles(render('county_admin'))).toEqual([
      'county_admin',
      'county_staff',
      'township_staff',
      'village_staff',
    ]);
  });

  it('offers the security admin the security admin role only', () => {
    expect(offeredRoles(render('security_admin'))).toEqual(['security_admin']);
  });

  it('offers units through a bounded search, not a select of every unit per row', () => {
    const html = render('county_admin');
    expect(html).not.toContain('<select name="unitCode"');
    expect(html).toContain('list="unit-matches"');
    expect([...html.matchAll(/<option value="(\d{12})"/g)].map((match) => match[1])).toEqual(['130534000000']);
  });

  it('shows on each row only the actions the actor may take', () => {
    const admin = render('county_admin');
    expect(rowIntents(admin, 'self')).toEqual(['reset-password']);
    expect(rowIntents(admin, 'admin2')).toEqual(['set-disabled', 'reset-password', 'update']);
    expect(rowIntents(admin, 'sec')).toEqual([]);
    expect(rowIntents(admin, 'aud')).toEqual([]);
    const security = render('security_admin');
    expect(rowIntents(security, 'admin2')).toEqual(['set-disabled']);
    expect(rowIntents(security, 'aud')).toEqual(['set-disabled']);
    expect(rowIntents(security, 'staff')).toEqual(['set-disabled', 'reset-password']);
  });
});
