import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewImport, rowFingerprint, type FieldDef, type RegisterDef } from '../src/index.ts';

/** The instant the checks run at: every fixture date lies before it. */
const TEST_NOW = new Date('2026-12-05T02:00:00Z');

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** The meetings register as it stood when the sheet was first imported. */
const FIRST: RegisterDef = {
  key: 'meetings',
  label: '会议记录',
  labelEn: 'Meetings',
  fields: [
    { key: 'heldOn', label: '会议日期', aliases: ['日期'], type: 'date', required: true },
    {
      key: 'kind',
      label: '会议类型',
      aliases: [],
      type: 'enum',
      required: true,
      enum: [
        { value: 'director_weekly', labels: ['主任例会'] },
        { value: 'member_monthly', labels: ['成员单位例会'] },
        { value: 'joint', labels: ['联席会议'] },
      ],
    },
    { key: 'topic', label: '议题', aliases: [], type: 'text', required: false },
    { key: 'host', label: '主持人', aliases: [], type: 'text', required: false },
    { key: 'attendees', label: '参会人员', aliases: [], type: 'text', required: false },
    { key: 'absentees', label: '缺席人员', aliases: [], type: 'text', required: false },
  ],
};

const place: FieldDef = { key: 'place', label: '会议地点', aliases: [], type: 'text', required: false };
/** The same register after a column was added (in the middle, as a table change may put it). */
const LATER: RegisterDef = { ...FIRST, fields: [...FIRST.fields.slice(0, 3), place, ...FIRST.fields.slice(3)] };

describe('row fingerprints', () => {
  it('a column added after the first import: re-importing the old sheet matches the rows it made', async () => {
    const before = await previewImport({
      now: TEST_NOW,
      bytes: fixture('meetings.gb18030.csv'),
      fileName: 'meetings.csv',
      register: FIRST,
    });
    const after = await previewImport({
      now: TEST_NOW,
      bytes: fixture('meetings.gb18030.csv'),
      fileName: 'meetings.csv',
      register: LATER,
    });
    expect(before.validRows).toHaveLength(4);
    expect(after.validRows.map((row) => row.fingerprint)).toEqual(before.validRows.map((row) => row.fingerprint));
  });

  it('an empty field is left out, a filled one counts, whatever the field order', () => {
    const values = { heldOn: '2024-03-05', kind: 'joint', topic: '议题', host: null, attendees: '', absentees: null };
    expect(rowFingerprint(LATER, { ...values, place: null })).toBe(rowFingerprint(FIRST, values));
    expect(rowFingerprint(LATER, { ...values, place: '村委会' })).not.toBe(rowFingerprint(FIRST, values));
    expect(rowFingerprint(FIRST, { ...values, host: '王建国' })).not.toBe(rowFingerprint(FIRST, values));
  });

  it('a value moved to another field is another row', () => {
    const values = {
      heldOn: '2024-03-05',
      kind: 'joint',
      topic: null,
      host: '王建国',
      attendees: null,
      absentees: null,
    };
    expect(rowFingerprint(FIRST, values)).not.toBe(
      rowFingerprint(FIRST, { ...values, host: null, attendees: '王建国' }),
    );
  });
});

describe('the fingerprint text', () => {
  // Rows already in the registers carry fingerprints made as sha256 of JSON.stringify([key, [field, value], …]):
  // the text built piece by piece must stay exactly that, or a re-imported sheet would no longer match.
  const reference = (def: RegisterDef, values: Record<string, string | number | null>) =>
    createHash('sha256')
      .update(
        JSON.stringify([
          def.key,
          ...def.fields
            .filter((f) => values[f.key] !== null && values[f.key] !== undefined && values[f.key] !== '')
            .map((f) => [f.key, values[f.key]]),
        ]),
      )
      .digest('hex');

  it.each<Record<string, string | number | null>>([
    { heldOn: '2024-03-05', kind: 'joint', topic: '议"题\\\n\u0001', host: null, attendees: '', absentees: '𠀀\ud800' },
    {
      heldOn: '2024-03-05',
      kind: 'joint',
      topic: 'a',
      host: 'b',
      attendees: 'c\u2028',
      absentees: 'x\ty',
      place: '村委会',
    },
    { heldOn: '2024-03-05', kind: 'director_weekly', count: 0, minus: -0, big: 2 ** 53 },
  ])('is the JSON of the filled fields in register order (%#)', (values) => {
    const withNumbers: RegisterDef = {
      ...LATER,
      fields: [
        ...LATER.fields,
        { key: 'count', label: '数', aliases: [], type: 'int', required: false },
        { key: 'minus', label: '负', aliases: [], type: 'int', required: false },
        { key: 'big', label: '大', aliases: [], type: 'int', required: false },
      ],
    };
    expect(rowFingerprint(withNumbers, values)).toBe(reference(withNumbers, values));
    expect(rowFingerprint(FIRST, values)).toBe(reference(FIRST, values));
  });
});
