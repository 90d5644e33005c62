import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaCalendar2026 } from '@tally/casework';
import { schema, withActor, type Actor } from '@tally/db';
import { loadFactRows } from '../app/.server/assessment/load-fact-rows.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * Property, on PostgreSQL: whatever meetings and information submissions a township keeps and
 * whichever of them are soft-deleted, every derived fact names a live record that causes it,
 * every such record gives exactly its fact, and a deleted record gives none.
 */
const T1 = '130534100000';
let database: TestDatabase;
let county: Actor;
const kinds = new Set(['meeting-absence', 'info-adopted', 'meeting']);
const levels = ['none', 'township', 'county', 'city', 'province', 'central'] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  county = await actorByLogin(database.owner.db, 'a_admin');
});
afterAll(async () => {
  await database?.drop();
});

const meeting = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  absent: fc.integer({ min: 0, max: 6 }),
  deleted: fc.boolean(),
});
const info = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  level: fc.constantFrom(...levels),
  deleted: fc.boolean(),
});

describe('fact derivation', () => {
  it('every fact has a live source, and deleting the source withdraws it', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(meeting, { maxLength: 8 }),
        fc.array(info, { maxLength: 8 }),
        async (meetings, infos) => {
          run++;
          const owner = database.owner.db;
          await owner.execute(sql`delete from meetings`);
          await owner.execute(sql`delete from info_submissions`);
          const base = { countyId: 1, unitCode: T1, createdBy: county.userId };
          const liveMeetings = new Map<string, number>();
          for (const [i, m] of meetings.entries()) {
            const [row] = await owner
              .insert(schema.meetings)
              .values({
                ...base,
                fingerprint: `p${run}-m${i}`,
                heldOn: `2026-03-${String(m.day).padStart(2, '0')}`,
                kind: 'joint',
                attendees: '甲',
                absentCount: m.absent,
                deletedAt: m.deleted ? new Date() : null,
              })
              .returning({ id: schema.meetings.id });
            if (!m.deleted) liveMeetings.set(row!.id, m.absent);
          }
          const liveAdopted = new Map<string, string>();
          for (const [i, n] of infos.entries()) {
            const [row] = await owner
              .insert(schema.infoSubmissions)
              .values({
                ...base,
                fingerprint: `p${run}-i${i}`,
                submittedOn: `2026-04-${String(n.day).padStart(2, '0')}`,
                title: '简报',
                adoptedLevel: n.level,
              })
              .returning({ id: schema.infoSubmissions.id });
            // Deleting after writing is how a clerk withdraws a record: the fact must go with it.
            if (n.deleted)
              await owner
                .update(schema.infoSubmissions)
                .set({ deletedAt: new Date() })
                .where(and(eq(schema.infoSubmissions.countyId, 1), eq(schema.infoSubmissions.id, row!.id)));
            else if (n.level !== 'none') liveAdopted.set(row!.id, n.level);
          }
          const facts = await withActor(database.app.db, county, (tx) =>
            loadFactRows(
              tx,
              {
                countyId: 1,
                areaScope: '130534',
                unitCodes: [T1],
                year: 2026,
                from: '2026-01-01',
                readTo: '2026-12-31',
                periodTo: '2026-12-31',
                calendar: chinaCalendar2026(),
              },
              kinds,
            ),
          );
          const absences = facts.filter((f) => f.kind === 'meeting-absence');
          const records = facts.filter((f) => f.kind === 'meeting');
          const adopted = facts.filter((f) => f.kind === 'info-adopted');
          expect(new Map(absences.map((f) => [f.id, f.count]))).toEqual(
            new Map(
              [...liveMeetings].filter(([, absent]) => absent > 0).map(([id, absent]) => [`meetings:${id}`, absent]),
            ),
          );
          expect(new Set(records.map((f) => f.id))).toEqual(
            new Set([...liveMeetings.keys()].map((id) => `meetings:${id}`)),
          );
          expect(new Map(adopted.map((f) => [f.id, f.level]))).toEqual(
            new Map([...liveAdopted].map(([id, level]) => [`info_submissions:${id}`, level])),
          );
        },
      ),
      { numRuns: 25, seed: 20261129 },
    );
  });
});
