import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles } from '@tally/db';
import { DEMO_PASSWORD, demoCountySpec, seedDemoIfEmpty } from '@tally/demo';
import { signIn } from '../app/.server/auth/sessions.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';

/* The logins `npm start` prints still work after the role and sign-in rules (the seed writes as the platform operator). */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.owner.db, { now: new Date('2026-11-23T10:00:00+08:00'), withData: false });
});
afterAll(async () => {
  await database?.drop();
});

describe('demo logins', () => {
  it('include one user of every role, and every one signs in with the printed password', async () => {
    const spec = demoCountySpec();
    expect(new Set(spec.users.map((user) => user.role))).toEqual(new Set(userRoles));
    const refused: string[] = [];
    for (const user of spec.users) {
      const result = await signIn(database.app.db, {
        loginName: user.loginName,
        password: DEMO_PASSWORD,
        ip: '127.0.0.1',
        now: new Date(),
      });
      if (!result.ok) refused.push(user.loginName);
    }
    expect(refused).toEqual([]);
  });
});
