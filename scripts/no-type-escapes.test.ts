import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries } from './check-boundaries.ts';
import { noTypeEscapes } from './rules/no-type-escapes.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A throwaway workspace with one package and the given files in it. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'type-escapes-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'root', workspaces: ['apps/*', 'packages/*'] }));
  mkdirSync(join(root, 'packages/db'), { recursive: true });
  writeFileSync(join(root, 'packages/db/package.json'), JSON.stringify({ name: '@tally/db' }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  roots.push(root);
  return root;
}

describe('no type escape hatches', () => {
  it('the repository has none', () => {
    expect(noTypeEscapes(join(import.meta.dirname, '..'))).toEqual([]);
  });

  it('fails check-boundaries on a planted one, naming file and line', () => {
    const root = workspace({
      'packages/db/src/rows.ts': 'const a = 1;\nexport const rows = result as unknown as Array<{ n: number }>;\n',
      'apps/web/app/.server/cases/x.tsx': 'export const y = tx.insert(t).values(v as never);\n',
    });
    expect(checkBoundaries(root)).toEqual([
      "apps/web/app/.server/cases/x.tsx:1: 'as never' switches type checking off: type the value instead",
      "packages/db/src/rows.ts:2: 'as unknown as' switches type checking off: type the value instead",
    ]);
  });

  it('leaves tests and comment lines alone', () => {
    const root = workspace({
      'packages/db/src/a.test.ts': 'const x = y as unknown as number;\n',
      'packages/db/test/support.ts': 'const x = y as never;\n',
      'apps/web/test/unit/b.test.tsx': 'const x = y as never;\n',
      'tests/integration/c.ts': 'const x = y as never;\n',
      'packages/db/src/doc.ts': '// never write `as unknown as` here\n * nor as never\nexport const ok = 1 as const;\n',
    });
    expect(checkBoundaries(root)).toEqual([]);
  });
});
