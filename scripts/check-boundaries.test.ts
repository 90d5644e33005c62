import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries } from './check-boundaries.ts';

/** A throwaway workspace shaped like ours: root manifest, packages, an app, one source file each. */
function workspace(
  packages: Record<string, { deps?: Record<string, string>; files?: Record<string, string> }>,
): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'root', workspaces: ['apps/*', 'packages/*', 'tests'] }),
  );
  for (const [dir, { deps = {}, files = {} }] of Object.entries(packages)) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(
      join(root, dir, 'package.json'),
      JSON.stringify({ name: `@tally/${dir.split('/').pop()}`, dependencies: deps }),
    );
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, dir, file)), { recursive: true });
      writeFileSync(join(root, dir, file), text);
    }
  }
  roots.push(root);
  return root;
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const sound = {
  'packages/casework': { files: { 'src/index.ts': 'export const a = 1;' } },
  'packages/scoring': {},
  'packages/imports': { deps: { '@tally/casework': '*' } },
  'packages/db': { deps: { '@tally/imports': '*', '@tally/casework': '*', '@tally/scoring': '*' } },
  'packages/ui': {},
  'packages/demo': { deps: { '@tally/db': '*', '@tally/casework': '*' } },
  'apps/web': {
    deps: { '@tally/db': '*', '@tally/demo': '*', '@tally/ui': '*' },
    files: { 'app/root.tsx': "import { db } from '@tally/db';" },
  },
  tests: { deps: { '@tally/web': '*' } },
};

describe('check-boundaries', () => {
  it('passes the direction the repository has', () => {
    expect(checkBoundaries(workspace(sound))).toEqual([]);
    expect(checkBoundaries(join(import.meta.dirname, '..'))).toEqual([]);
  });

  it('fails on a cycle', () => {
    const root = workspace({ ...sound, 'packages/imports': { deps: { '@tally/casework': '*', '@tally/db': '*' } } });
    expect(checkBoundaries(root)).toEqual(['dependency cycle: @tally/db → @tally/imports → @tally/db']);
  });

  it('fails when a pure engine depends on any @tally package, ui on db, or a package on an app', () => {
    const root = workspace({
      ...sound,
      'packages/scoring': { deps: { '@tally/casework': '*' } },
      'packages/ui': { deps: { '@tally/db': '*' } },
      'packages/imports': { deps: { '@tally/casework': '*', '@tally/web': '*' } },
    });
    const problems = checkBoundaries(root);
    expect(problems).toContain('@tally/scoring is a pure engine and must not depend on @tally/casework');
    expect(problems).toContain('@tally/ui must not depend on @tally/db: components take data as props');
    expect(problems).toContain('@tally/imports must not depend on the app @tally/web');
  });

  it('fails when a package depends on the demo data', () => {
    const root = workspace({ ...sound, 'packages/db': { deps: { ...sound['packages/db'].deps, '@tally/demo': '*' } } });
    const problems = checkBoundaries(root);
    expect(problems).toContain('@tally/db must not depend on the demo data @tally/demo: only apps and tests load it');
    expect(problems).toContain('dependency cycle: @tally/db → @tally/demo → @tally/db');
  });

  it("fails on a relative import into another package's source", () => {
    const root = workspace({
      ...sound,
      'packages/db': {
        ...sound['packages/db'],
        files: { 'src/x.ts': "import { a } from '../../casework/src/index.ts';" },
      },
    });
    expect(checkBoundaries(root)).toEqual([
      "packages/db/src/x.ts imports '../../casework/src/index.ts' from @tally/casework by a relative path: import it by its package name",
    ]);
  });

  it("fails on a test that imports another package's source by a relative path, not on shared test support", () => {
    const root = workspace({
      ...sound,
      'apps/web': {
        ...sound['apps/web'],
        files: {
          'test/a.test.ts': "import { a } from '../../../packages/casework/src/index.ts';",
          'test/b.test.ts':
            "import { setup } from '../../../tests/setup/db.ts'; import { zip } from '../../../packages/casework/test/support/zip.ts';",
        },
      },
    });
    expect(checkBoundaries(root)).toEqual([
      "apps/web/test/a.test.ts imports '../../../packages/casework/src/index.ts' from @tally/casework by a relative path: import it by its package name",
    ]);
  });
});
