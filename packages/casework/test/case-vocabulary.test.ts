import { describe, expect, it } from 'vitest';
import { CASE_VOCABULARIES } from '../src/case-vocabulary.ts';

describe('case vocabulary', () => {
  for (const [name, { codes, terms }] of Object.entries(CASE_VOCABULARIES)) {
    it(`${name}: every code has a Chinese and an English label, and no label is shared`, () => {
      const byCode = terms as Record<string, { zh: string; en: string; aliases?: readonly string[] } | undefined>;
      expect(Object.keys(byCode).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const term = byCode[code];
        expect(term?.zh.trim(), `${name}.${code} zh`).toBeTruthy();
        expect(term?.en.trim(), `${name}.${code} en`).toBeTruthy();
        expect(term?.zh, `${name}.${code}: the Chinese label must be Chinese`).toMatch(/\p{Script=Han}/u);
      }
      // Import matches a cell against labels and aliases: one spelling must name one code.
      const spellings = codes.flatMap((code) => [byCode[code]!.zh, ...(byCode[code]!.aliases ?? [])]);
      expect(new Set(spellings).size, `${name}: a spelling names two codes`).toBe(spellings.length);
    });
  }
});
