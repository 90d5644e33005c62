/**
 * No type escape hatches in shipped source: `as unknown as` and `as never` tell the compiler
 * to stop checking, so a wrong shape passes silently. Type the value instead: raw statement
 * rows through `rowsOf`/`onlyRow` (@tally/db), a register's table through `registerTableOf`
 * (@tally/db/registers), drizzle's own column and table types elsewhere.
 *
 * Source is every .ts/.tsx file under apps/ and packages/; tests (`*.test.ts(x)`, `test/`,
 * `tests/` folders) are exempt, as are comment lines.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SOURCE_ROOTS = ['apps', 'packages'];
const SOURCE_FILE = /\.tsx?$/;
const TEST_FILE = /\.test\.tsx?$/;
const TEST_DIRS = new Set(['test', 'tests']);
const ESCAPE = /\bas\s+unknown\s+as\b|\bas\s+never\b/;
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*)/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    // Dot folders are tooling output (.turbo, .react-router), except `.server`: server-only source.
    if (entry === 'node_modules' || TEST_DIRS.has(entry) || (entry.startsWith('.') && entry !== '.server')) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE_FILE.test(entry) && !TEST_FILE.test(entry) ? [path] : [];
  });
}

/** Every escape hatch in the source under `root`, as `path:line: …`. */
export function noTypeEscapes(root: string): string[] {
  const problems: string[] = [];
  for (const file of SOURCE_ROOTS.flatMap((dir) => sourceFiles(join(root, dir)))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const found = COMMENT_LINE.test(line) ? null : ESCAPE.exec(line);
      if (found)
        problems.push(
          `${relative(root, file).split(sep).join('/')}:${index + 1}: '${found[0]}' switches type checking off: type the value instead`,
        );
    });
  }
  return problems;
}
