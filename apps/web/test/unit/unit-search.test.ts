import { describe, expect, it } from 'vitest';
import { matchUnits, UNIT_MATCH_LIMIT } from '../../app/lib/unit-search.ts';

const county = { code: '130534000000', name: '清河县', level: 'county' };
const township = (n: number) => ({
  code: `130534${String(100 + n).padStart(3, '0')}000`,
  name: `第${n}镇`,
  level: 'township',
});
const village = (t: number, v: number) => ({
  code: `130534${String(100 + t).padStart(3, '0')}${String(200 + v).padStart(3, '0')}`,
  name: `${t}镇${v}村`,
  level: 'village',
});
// 1 county, 40 townships, 40 × 200 villages: 8,041 units, the size that made /users slow.
const units = [
  county,
  ...Array.from({ length: 40 }, (_, t) => township(t)),
  ...Array.from({ length: 40 * 200 }, (_, i) => village(Math.floor(i / 200), i % 200)),
];

describe('matchUnits', () => {
  it('offers the top of the tree when nothing is typed, never the whole county', () => {
    const offered = matchUnits(units, '');
    expect(offered).toHaveLength(UNIT_MATCH_LIMIT);
    expect(offered.every((unit) => unit.level !== 'village')).toBe(true);
    expect(offered[0]).toEqual(county);
  });

  it('matches every typed word in the name, or a code prefix, in code order', () => {
    expect(matchUnits(units, '39镇 199村').map((unit) => unit.name)).toEqual(['39镇199村']);
    expect(matchUnits(units, '130534105').map((unit) => unit.code)[0]).toBe('130534105000');
    expect(matchUnits(units, '130534105')).toHaveLength(UNIT_MATCH_LIMIT);
    expect(matchUnits(units, '没有这个单位')).toEqual([]);
  });
});
