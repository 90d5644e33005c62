import { describe, expect, it } from 'vitest';
import { streamPreview, type RowOutcome } from '@tally/imports';
import { registerDefs } from '@tally/db/registers';
import { stagedRowOf, toColumnValues } from '../../app/.server/imports/staged-rows.ts';
import { estimateCsvRows } from '../../app/.server/imports/progress-writer.ts';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

const csv = (text: string) => new TextEncoder().encode(text);

describe('staged rows of a preview', () => {
  it('one row per data row, in order: valid with column-keyed values, errors grouped per row, in-file duplicates', async () => {
    const outcomes: RowOutcome[][] = [];
    const summary = await streamPreview({
      now: TEST_NOW,
      bytes: csv('日期,类型,发现问题数\n2024-03-05,常规,0\n2024-13-01,吵架,x\n2024-03-05,常规,0\n2024/3/6,专项,2\n'),
      fileName: 'x.csv',
      register: registerDefs.investigation_rounds,
      chunkSize: 3,
      onRows: (chunk) => void outcomes.push(chunk),
    });
    // Chunks of the asked size, in row order; the last one holds the rest.
    expect(outcomes.map((chunk) => chunk.length)).toEqual([3, 1]);
    const rows = outcomes.flat().map((row) => stagedRowOf(registerDefs.investigation_rounds, row));
    expect(rows.map((r) => [r.rowNumber, r.outcome])).toEqual([
      [2, 'valid'],
      [3, 'error'],
      [4, 'duplicate'],
      [5, 'valid'],
    ]);
    expect(rows[0]!.values).toEqual({
      held_on: '2024-03-05',
      scope: 'routine',
      findings_count: 0,
      investigator: null,
      notes: null,
    });
    expect(rows[1]!.errors!.map((e) => e.column)).toEqual(['日期', '类型', '发现问题数']);
    expect(rows[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(summary).toMatchObject({ totalRows: 4, validCount: 2, errorRowCount: 1, duplicateCount: 1 });
  });

  it("a valid row's warnings are staged with it (in errors); a row without warnings has none", async () => {
    const outcomes: RowOutcome[] = [];
    await streamPreview({
      bytes: csv('日期,类型,发现问题数\n1905-07-16,常规,0\n2024-03-06,专项,2\n'),
      fileName: 'x.csv',
      register: registerDefs.investigation_rounds,
      now: new Date('2026-12-05T04:00:00Z'),
      onRows: (chunk) => void outcomes.push(...chunk),
    });
    const rows = outcomes.map((row) => stagedRowOf(registerDefs.investigation_rounds, row));
    expect(rows.map((r) => [r.rowNumber, r.outcome, r.errors?.map((e) => e.column) ?? null])).toEqual([
      [2, 'valid', ['日期']],
      [3, 'valid', null],
    ]);
  });

  it('integer-coded enums reach the staging table as numbers', () => {
    const values = Object.fromEntries(registerDefs.disputes.fields.map((f) => [f.key, null])) as Record<
      string,
      string | number | null
    >;
    values.revisitClass = '3';
    expect(toColumnValues(registerDefs.disputes, values).revisit_class).toBe(3);
  });

  it('estimates a CSV row count from its line breaks; .xlsx is unknown', () => {
    expect(estimateCsvRows(csv('a,b\n1,2\n3,4\n'), 'csv')).toBe(2);
    expect(estimateCsvRows(csv('a,b\r\n1,2\r\n3,4'), 'csv')).toBe(2);
    expect(estimateCsvRows(csv(''), 'csv')).toBe(0);
    expect(estimateCsvRows(csv('PK'), 'xlsx')).toBeNull();
  });
});
