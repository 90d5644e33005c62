import { describe, expect, it } from 'vitest';
import { registerDefs } from '@tally/db/registers';
import { ImportError, mapHeaders, normaliseHeader } from '@tally/imports';

describe('mapHeaders', () => {
  it('maps labels, aliases and normalised spellings', () => {
    const r = mapHeaders(['日期', ' 会议类型（必填） ', '参 会 人 员', '缺席', '备用列', ''], registerDefs.meetings);
    expect(r.mapping).toEqual({ 0: 'heldOn', 1: 'kind', 2: 'attendees', 3: 'absentees' });
    expect(r.unmappedColumns).toEqual([{ index: 4, header: '备用列' }]);
    expect(r.missingRequired).toEqual([]);
  });

  it('prefers an exact label over an alias to its left', () => {
    const r = mapHeaders(['时间', '会议日期'], registerDefs.meetings);
    expect(r.mapping).toEqual({ 1: 'heldOn' });
    expect(r.missingRequired.map((m) => m.key)).toEqual(['kind', 'attendees']);
  });

  it('reports missing required fields', () => {
    const r = mapHeaders(['排查日期', '备注'], registerDefs.investigation_rounds);
    expect(r.missingRequired).toEqual([
      { key: 'scope', label: '排查类型' },
      { key: 'findingsCount', label: '排查发现数' },
    ]);
  });

  it('normalises full-width, brackets and markers', () => {
    expect(normaliseHeader('＊日期（必填）：')).toBe('日期');
    expect(normaliseHeader('【人数】受众人数(人)')).toBe('受众人数');
  });

  it('applies a user override first', () => {
    const r = mapHeaders(['开会那天', '类型', '到场', '日期'], registerDefs.meetings, {
      0: 'heldOn',
      3: null,
      2: 'attendees',
    });
    expect(r.mapping).toEqual({ 0: 'heldOn', 1: 'kind', 2: 'attendees' });
    expect(r.unmappedColumns).toEqual([{ index: 3, header: '日期' }]);
  });

  it('refuses an override naming an unknown field or column', () => {
    expect(() => mapHeaders(['a'], registerDefs.meetings, { 0: 'nope' })).toThrow(ImportError);
    expect(() => mapHeaders(['a'], registerDefs.meetings, { 5: 'heldOn' })).toThrow(/no column 6/);
  });
});
