import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../src/index.ts';

describe('maskIdNumber', () => {
  it('keeps the area code and the last 4', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('130534800101001')).toBe('130534*****1001'); // old 15-digit number
  });
  it('never shows more than the last 4 of short input', () => {
    expect(maskIdNumber('12345678')).toBe('****5678');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧***'], // compound surnames are not guessed: hides more
    ['王', '*'], // one character would be the whole name
    ['阿依古丽·买买提', '阿*******'],
    ['𠮷田', '𠮷*'], // a character outside the BMP counts once
    ['  赵六 ', '赵*'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['0319-5551234', '****-***1234'], // landline: only the last 4 digits stay
    ['1234', '1234'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it('keeps through the township-level name', () => {
    expect(maskAddress('河北省邢台市广宗县冯家寨乡北固献村12号')).toBe('河北省邢台市广宗县冯家寨乡*******');
    expect(maskAddress('广宗县广宗镇东街村5号')).toBe('广宗县广宗镇*****');
    expect(maskAddress('北京市东城区东华门街道南池子大街1号')).toBe('北京市东城区东华门街道*******');
  });
  it('cuts earlier when a county name contains 乡 or 镇 (hides more, never less)', () => {
    expect(maskAddress('山西省临汾市乡宁县昌宁镇')).toBe('山西省临汾市乡*****');
  });
  it('falls back to the first 6 characters when no township name is near the start', () => {
    expect(maskAddress('河北省邢台市广宗县某某村')).toBe('河北省邢台市******');
    expect(maskAddress('河北省邢台市广宗县某某村', { fallbackKeep: 3 })).toBe('河北省*********');
  });
  it('always hides at least the last character', () => {
    expect(maskAddress('冯家寨乡')).toBe('冯家寨*');
    expect(maskAddress('村里')).toBe('村*');
    expect(maskAddress('')).toBe('');
  });
});
