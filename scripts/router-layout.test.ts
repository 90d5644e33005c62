import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries } from './check-boundaries.ts';
import { ROUTERS_DIR, checkRouterLayout, routerFileProblems } from './rules/router-layout.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A root with nothing but router files. */
function routers(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'router-layout-'));
  roots.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'root', workspaces: [] }));
  mkdirSync(join(root, ROUTERS_DIR), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, ROUTERS_DIR, file), text);
  return root;
}

const thin = `import { z } from 'zod';
import { caseDataRoles, type Transaction } from '@tally/db';
import { listThings } from '../things/list-things.ts';
import { roleProcedure, router } from '../trpc.ts';

export const thingsRouter = router({
  list: roleProcedure(...caseDataRoles)
    .input(z.object({ page: z.number() }))
    .query(({ ctx, input }) => ctx.run((tx) => listThings(tx, ctx, input))),
});`;

const planted = `import { and, eq } from 'drizzle-orm';
import { caseDataRoles, schema } from '@tally/db';
import { roleProcedure, router } from '../trpc.ts';

export const thingsRouter = router({
  list: roleProcedure(...caseDataRoles).query(({ ctx }) =>
    ctx.run((tx) => tx.select().from(schema.units).where(and(eq(schema.units.countyId, ctx.actor.countyId)))),
  ),
});`;

describe('router layout', () => {
  it('passes a router of procedures that call feature services, and the repository', () => {
    expect(checkRouterLayout(routers({ 'things.ts': thin }), [])).toEqual([]);
    expect(checkRouterLayout(join(import.meta.dirname, '..'))).toEqual([]);
  });

  it('fails a planted router that runs its own SQL, through check-boundaries', () => {
    const problems = checkBoundaries(routers({ 'things.ts': thin, 'planted.ts': planted }));
    const why = 'a router holds procedures only, move it to a feature service (docs/architecture.md)';
    expect(problems).toEqual(
      expect.arrayContaining([
        `${ROUTERS_DIR}/planted.ts imports drizzle-orm: ${why}`,
        `${ROUTERS_DIR}/planted.ts imports table objects from @tally/db: ${why}`,
        `${ROUTERS_DIR}/planted.ts runs statements itself (.select): ${why}`,
      ]),
    );
    expect(problems.filter((problem) => problem.includes('things.ts'))).toEqual([]);
  });

  it('matches each way of reaching SQL, and not look-alikes', () => {
    expect(routerFileProblems("import type { SQL } from 'drizzle-orm/sql';")).toEqual(['imports drizzle-orm']);
    expect(routerFileProblems("import * as db from '@tally/db';")).toEqual(['imports table objects from @tally/db']);
    expect(routerFileProblems("import { units } from '@tally/db/schema';")).toEqual([
      'imports table objects from @tally/db',
    ]);
    expect(routerFileProblems("import { type Actor, schema as s } from '@tally/db';")).toEqual([
      'imports table objects from @tally/db',
    ]);
    expect(routerFileProblems('await ctx.db.execute(query); await tx\n  .update(t);')).toEqual([
      'runs statements itself (.execute, .update)',
    ]);
    expect(
      routerFileProblems(
        "import { caseDataRoles, schemaVersion } from '@tally/db';\nconst txt = 'tx';\nupdateDraft(tx, ctx, input);\n// not tx.select(), which goes in a service\n/** nor `import { sql } from 'drizzle-orm'` */",
      ),
    ).toEqual([]);
  });

  it('keeps the list of routers not yet thin honest', () => {
    const root = routers({ 'cases.ts': thin, 'things.ts': planted });
    expect(checkRouterLayout(root, ['cases.ts', 'things.ts', 'gone.ts'])).toEqual([
      `${ROUTERS_DIR}/cases.ts passes the router layout now: remove it from ROUTERS_NOT_YET_THIN`,
      `${ROUTERS_DIR}/gone.ts is in ROUTERS_NOT_YET_THIN but does not exist`,
    ]);
  });
});
