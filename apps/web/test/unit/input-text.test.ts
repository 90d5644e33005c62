import { describe, expect, it } from 'vitest';
import { findInvalidText, isCleanText } from '../../app/.server/input-text.ts';

describe('text Postgres can store', () => {
  it('refuses NUL and lone surrogates, keeps every real character (𠀀 included)', () => {
    expect(isCleanText('张三 𠀀 ok')).toBe(true);
    expect(isCleanText('a\u0000b')).toBe(false);
    expect(isCleanText('a\ud800b')).toBe(false);
    expect(isCleanText('a\udc00')).toBe(false);
  });

  it('names the first bad field of a nested input, keys included; bytes are not text', () => {
    expect(findInvalidText({ register: 'disputes', values: { parties: '张三', summary: 'x\u0000' } })).toBe(
      'values.summary',
    );
    expect(findInvalidText({ list: ['ok', '\ud800'] })).toBe('list.1');
    expect(findInvalidText({ values: { 'a\u0000': 'x' } })).toBe('values.(key)');
    expect(findInvalidText({ bytes: new Uint8Array([0, 0xd8]), name: 'f.csv' })).toBeNull();
    expect(findInvalidText('\u0000')).toBe('(input)');
    expect(findInvalidText(undefined)).toBeNull();
  });
});
