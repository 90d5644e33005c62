/**
 * Dependency direction of the workspace, checked in CI (`npm run check:boundaries`):
 *
 * - no cycle among workspace packages (turbo only warns about one);
 * - the pure engines, packages/scoring and packages/casework, depend on no @tally/* package;
 * - packages/ui does not depend on @tally/db (components take data, they do not fetch it);
 * - no other package depends on packages/demo (the demo county and the bench's data set): demo
 *   data is put into a database from outside, by the launcher and the tests, never by a package;
 * - no package under packages/ depends on an app under apps/;
 * - no source file of a package reaches into another workspace by a relative path
 *   (`../../<other>/src/...`): it imports the other package by name, through its exports,
 *   so the dependency is declared and checked above.
 *
 * Run: node --import tsx scripts/check-boundaries.ts [root]. Exit code 1 on any problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noTypeEscapes } from './rules/no-type-escapes.ts';
import { checkRouterLayout } from './rules/router-layout.ts';

interface Workspace {
  name: string;
  /** Path relative to the root, with forward slashes: `packages/db`. */
  dir: string;
  /** Workspace packages it lists in any dependency field. */
  deps: string[];
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const PURE_ENGINES = ['packages/scoring', 'packages/casework'];
/** Generated demo and bench data: apps and tests may load it, no package may. */
const DEMO_DATA = 'packages/demo';
/**
 * Folders of a workspace that hold its shipped source. Nothing, tests included, may import
 * another workspace's source by a relative path; tests may still share test support
 * (tests/setup, another package's test/support) that way, as it is not a package's API.
 */
const SOURCE_DIRS = ['src', 'app', 'server'];
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs)$/;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** The workspace folders named by the root package.json (`dir` or `dir/*` entries). */
function workspaceDirs(root: string): string[] {
  const patterns = readJson(join(root, 'package.json')).workspaces;
  if (!Array.isArray(patterns)) return [];
  return patterns.flatMap((pattern) => {
    const text = String(pattern);
    if (!text.endsWith('/*')) return existsSync(join(root, text, 'package.json')) ? [text] : [];
    const parent = text.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent))
      .map((entry) => `${parent}/${entry}`)
      .filter((dir) => existsSync(join(root, dir, 'package.json')));
  });
}

export function readWorkspaces(root: string): Workspace[] {
  const manifests = workspaceDirs(root).map((dir) => ({ dir, manifest: readJson(join(root, dir, 'package.json')) }));
  const names = new Set(manifests.map(({ manifest }) => String(manifest.name)));
  return manifests.map(({ dir, manifest }) => {
    const deps = DEPENDENCY_FIELDS.flatMap((field) =>
      Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}),
    );
    return { name: String(manifest.name), dir, deps: [...new Set(deps.filter((dep) => names.has(dep)))].sort() };
  });
}

/** Every dependency cycle, each once, as the names around it (first name repeated at the end). */
export function findCycles(workspaces: readonly Workspace[]): string[][] {
  const byName = new Map(workspaces.map((workspace) => [workspace.name, workspace]));
  const cycles = new Map<string, string[]>();
  const visit = (name: string, path: string[]) => {
    const at = path.indexOf(name);
    if (at >= 0) {
      const cycle = path.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(rotated.join(' → '), [...rotated, rotated[0]!]);
      return;
    }
    for (const dep of byName.get(name)?.deps ?? []) visit(dep, [...path, name]);
  };
  for (const workspace of workspaces) visit(workspace.name, []);
  return [...cycles.values()];
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    // Dot folders are tooling output (.turbo, .react-router), except `.server`: server-only source.
    if (entry === 'node_modules' || (entry.startsWith('.') && entry !== '.server')) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE_FILE.test(entry) ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;

/** Relative imports in a workspace's source that land in another workspace's folder. */
function crossPackageImports(root: string, workspace: Workspace, all: readonly Workspace[]): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(join(root, workspace.dir))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = toPosix(relative(root, resolve(dirname(file), specifier)));
      const other = all.find(
        (candidate) =>
          candidate !== workspace && SOURCE_DIRS.some((dir) => target.startsWith(`${candidate.dir}/${dir}/`)),
      );
      if (other)
        problems.push(
          `${toPosix(relative(root, file))} imports '${specifier}' from ${other.name} by a relative path: import it by its package name`,
        );
    }
  }
  return problems;
}

export function checkBoundaries(root: string): string[] {
  const workspaces = readWorkspaces(root);
  const byName = new Map(workspaces.map((workspace) => [workspace.name, workspace]));
  const problems: string[] = [];
  for (const cycle of findCycles(workspaces)) problems.push(`dependency cycle: ${cycle.join(' → ')}`);
  for (const workspace of workspaces) {
    const internal = workspace.deps.filter((dep) => dep.startsWith('@tally/'));
    if (PURE_ENGINES.includes(workspace.dir) && internal.length) {
      problems.push(`${workspace.name} is a pure engine and must not depend on ${internal.join(', ')}`);
    }
    if (workspace.dir === 'packages/ui' && workspace.deps.includes('@tally/db')) {
      problems.push(`${workspace.name} must not depend on @tally/db: components take data as props`);
    }
    if (workspace.dir.startsWith('packages/')) {
      for (const dep of workspace.deps) {
        if (byName.get(dep)?.dir.startsWith('apps/'))
          problems.push(`${workspace.name} must not depend on the app ${dep}`);
        if (byName.get(dep)?.dir === DEMO_DATA)
          problems.push(`${workspace.name} must not depend on the demo data ${dep}: only apps and tests load it`);
      }
    }
    problems.push(...crossPackageImports(root, workspace, workspaces));
  }
  problems.push(...checkRouterLayout(root));
  problems.push(...noTypeEscapes(root));
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkBoundaries(root);
  if (problems.length) {
    console.error(
      `check-boundaries: ${problems.length} problem(s)\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`check-boundaries: ${readWorkspaces(root).length} workspaces, dependencies point one way`);
}
