import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: every benchmark script in this folder, one process each so
 * one's heap and JIT state never colour another's figures. Each prints its
 * own figures and ratios against a reference measured in the same run.
 *
 *   npm run bench -- <part of a name>          only the matching scripts
 *   npm run bench -- --seed-3y                 only the three-year data set's load (three-year-data.ts)
 *   npm run bench -- dashboard-load --duration 5   flags after the name go to the scripts
 */
const folder = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--seed-3y')
  ? 'three-year-data'
  : args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
const passed = args.filter((arg) => arg !== '--seed-3y' && arg !== only);
const scripts = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts')
  .filter((name) => !only || name.includes(only))
  .sort();
let failed = 0;
for (const script of scripts) {
  process.stdout.write(`\n=== ${script} ===\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `${folder}${script}`, ...passed], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
