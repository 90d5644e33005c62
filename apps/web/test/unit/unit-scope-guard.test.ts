import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * One scope helper (apps/web/app/.server/services/unit-scope.ts: inScope, inActorScope,
 * anyInScope) and one unit-code pattern (packages/casework/src/unit-code.ts:
 * UNIT_CODE_PATTERN, isUnitCodeShape; unitCodeInput for procedure inputs). This fails on a
 * new hand-written copy of either, so the next router does not bring back `like` on a
 * unit code (which misleads the planner, see packages/db/src/schema/rls.ts).
 */
const root = join(import.meta.dirname, '../../../..');
const SCANNED = [
  'apps/web/app/.server',
  'apps/web/app/lib',
  'apps/web/app/components',
  'packages/db/src',
  'packages/imports/src',
  'packages/casework/src',
];
const PATTERN_HOME = 'packages/casework/src/unit-code.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Code without its comments, so a comment may name what it forbids. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const files = SCANNED.flatMap((dir) => sourceFiles(join(root, dir))).map((path) => ({
  path: relative(root, path),
  text: code(readFileSync(path, 'utf8')),
}));

/** A drizzle like() on a unit code or built from a scope, or a raw SQL `unit_code like`. */
const HAND_WRITTEN_SCOPE = [
  /(?<![\w.])like\(\s*[^,()]*(unitCode|UnitCode|units\.code)\b/,
  /(?<![\w.])like\([^;]*\bscope\b[^;]*%/,
  /\bunit_code\s+like\b/i,
];
const UNIT_CODE_REGEX = /\\d\{12\}/;

describe('scope and unit-code guards', () => {
  it('scans the source folders', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((file) => file.path === PATTERN_HOME)).toBe(true);
  });

  it('no unit scope is written by hand with LIKE: use inScope / inActorScope', () => {
    const offenders = files
      .filter((file) => HAND_WRITTEN_SCOPE.some((pattern) => pattern.test(file.text)))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('the 12-digit unit-code pattern is written once', () => {
    const offenders = files
      .filter((file) => file.path !== PATTERN_HOME && UNIT_CODE_REGEX.test(file.text))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
    expect(files.find((file) => file.path === PATTERN_HOME)?.text).toMatch(UNIT_CODE_REGEX);
  });
});
