import { describe, expect, it } from 'vitest';
import { copyField } from '@tally/db';

describe("COPY's text format, one field", () => {
  it('null is \\N; backslash, tab and line breaks are escaped; other text is as it is', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('C:\\公文\t甲\n乙\r丙')).toBe('C:\\\\公文\\t甲\\n乙\\r丙');
    expect(copyField('王建国、李明 "引号" ,')).toBe('王建国、李明 "引号" ,');
    expect(copyField('')).toBe('');
  });

  it('refuses NUL, which no text column can hold', () => {
    expect(() => copyField('a\u0000b')).toThrow(/NUL/);
  });
});
