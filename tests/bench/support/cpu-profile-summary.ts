import { readdirSync, readFileSync, statSync } from 'node:fs';

/*
 * A V8 CPU profile (node --cpu-prof) summed up by where the time went: idle, garbage collection,
 * each package under node_modules, the app's server build, Node's own internals; and the
 * functions that took the most time themselves. Used by the dashboard bench's --cpu-prof.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucketOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/build/server/')) return 'app server build';
  const local = /\/(apps|packages)\/([^/]+)\//.exec(url);
  return local ? `${local[1]}/${local[2]}` : url;
}

/**
 * The main thread's profile among those written in `dir` since `since` (ms since the epoch),
 * summed up as printable lines. Each thread writes its own file (tsx's loader runs in one of its
 * own); the main thread's is the largest.
 */
export function summariseCpuProfile(dir: string, since: number, top = 20): string[] {
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ name, ...statSync(`${dir}/${name}`) }))
    .filter((file) => file.mtimeMs >= since)
    .sort((a, b) => b.size - a.size)[0];
  if (!newest) return [`no .cpuprofile in ${dir}`];
  const profile = JSON.parse(readFileSync(`${dir}/${newest.name}`, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += us;
    const bucket = bucketOf(node);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    if (bucket !== '(idle)') {
      const where = `${node.callFrame.functionName || '(anonymous)'} ${bucket}:${node.callFrame.lineNumber + 1}`;
      functions.set(where, (functions.get(where) ?? 0) + us);
    }
  });
  const busy = total - (buckets.get('(idle)') ?? 0);
  const row = (name: string, us: number, of: number) =>
    `  ${name.slice(0, 70).padEnd(72)}${`${(us / 1000).toFixed(0)} ms`.padStart(11)}${`${((100 * us) / of).toFixed(1)} %`.padStart(9)}`;
  return [
    `${dir}/${newest.name}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`,
    'self time by package (share of busy time):',
    ...[...buckets]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => row(name, us, busy)),
    `top ${top} functions by self time:`,
    ...[...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => row(name, us, busy)),
  ];
}
