/**
 * Router layout (docs/architecture.md): a file in apps/web/app/.server/routers holds procedures
 * only — role, zod input, and a call of a server function in a feature folder. SQL, row shaping
 * and masking live in that feature folder, so a router file:
 *
 * - imports nothing from `drizzle-orm` (no `sql`, `eq`, `and`, … : conditions are SQL);
 * - takes no table objects from @tally/db (`schema`, a namespace import, or `@tally/db/schema`);
 * - runs no statement on a transaction or database (`tx.select(…)`, `db.execute(…)`, `tx.query…`).
 *
 * A text check, on purpose: simple enough to read in one go, and any of these in a router is
 * a reason to move code, whatever else the line does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROUTERS_DIR = 'apps/web/app/.server/routers';

/**
 * Routers not yet thinned (none now: every router holds procedures only). Remove a name when its router passes;
 * the check fails on a name listed here that passes (or no longer exists), so the list only shrinks.
 */
export const ROUTERS_NOT_YET_THIN: readonly string[] = [];

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;
/** `import { a, b as c, type D } from '@tally/db'` and `import * as db from '@tally/db'`. */
const TALLY_DB_IMPORT = /\bimport\s+(?:type\s+)?([^'";]*?)\s*from\s*(['"])@tally\/db\2/g;
const DB_CALL =
  /\b(?:tx|db)\s*\.\s*(select|selectDistinct|selectDistinctOn|insert|update|delete|execute|query|with)\b/g;

/** Code without its comments, so a comment may name what the rule forbids. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** What a router file does that belongs in a feature service: one message per kind of thing. */
export function routerFileProblems(source: string): string[] {
  const text = code(source);
  const problems: string[] = [];
  const specifiers = [...text.matchAll(SPECIFIER)].map((match) => match[2]!);
  if (specifiers.some((specifier) => specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')))
    problems.push('imports drizzle-orm');
  const tables = specifiers.some((specifier) => specifier === '@tally/db/schema');
  const fromDb = [...text.matchAll(TALLY_DB_IMPORT)].map((match) => match[1]!);
  const names = fromDb.flatMap((clause) =>
    clause.startsWith('*')
      ? ['* as']
      : clause
          .replace(/[{}]/g, '')
          .split(',')
          .map(
            (name) =>
              name
                .trim()
                .replace(/^type\s+/, '')
                .split(/\s+as\s+/)[0]!,
          ),
  );
  if (tables || names.includes('schema') || names.includes('* as'))
    problems.push('imports table objects from @tally/db');
  const calls = [...new Set([...text.matchAll(DB_CALL)].map((match) => match[1]!))];
  if (calls.length) problems.push(`runs statements itself (${calls.map((call) => `.${call}`).join(', ')})`);
  return problems;
}

export function checkRouterLayout(root: string, notYetThin: readonly string[] = ROUTERS_NOT_YET_THIN): string[] {
  const dir = join(root, ROUTERS_DIR);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((entry) => SOURCE_FILE.test(entry));
  const problems: string[] = [];
  for (const file of files) {
    const found = routerFileProblems(readFileSync(join(dir, file), 'utf8'));
    if (notYetThin.includes(file)) {
      if (!found.length)
        problems.push(`${ROUTERS_DIR}/${file} passes the router layout now: remove it from ROUTERS_NOT_YET_THIN`);
      continue;
    }
    for (const problem of found)
      problems.push(
        `${ROUTERS_DIR}/${file} ${problem}: a router holds procedures only, move it to a feature service (docs/architecture.md)`,
      );
  }
  for (const file of notYetThin)
    if (!files.includes(file)) problems.push(`${ROUTERS_DIR}/${file} is in ROUTERS_NOT_YET_THIN but does not exist`);
  return problems;
}
