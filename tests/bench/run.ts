import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: every benchmark script in this folder, one process each so
 * one's heap and JIT state never colour another's figures. Each prints its
 * own figures and ratios against a reference measured in the same run.
 */
const folder = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const scripts = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts')
  .filter((name) => !only || name.includes(only))
  .sort();
let failed = 0;
for (const script of scripts) {
  process.stdout.write(`\n=== ${script} ===\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `${folder}${script}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
