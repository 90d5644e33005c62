import { readdirSync, readFileSync } from 'node:fs';

/*
 * CPU time of a process and of a PostgreSQL server, from /proc (Linux), so a load bench can say
 * where a request's milliseconds go: in the web server's process, in PostgreSQL, or in neither
 * (waiting: for the other, for the machine's other work, on the network).
 */

/** Clock ticks per second of /proc's times (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime, own threads. */
  own: number;
  /** cutime + cstime: children waited for (ended backends of a postmaster). */
  children: number;
}

function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name may hold spaces: the fields start after its closing parenthesis.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const at = (n: number) => Number(fields[n - 3]);
  return { ppid: at(4), own: at(14) + at(15), children: at(16) + at(17) };
}

/** CPU milliseconds the process has used so far, or null when /proc does not show it. */
export function processCpuMs(pid: number): number | null {
  const stat = procStat(pid);
  return stat ? (stat.own * 1000) / TICKS_PER_SECOND : null;
}

/**
 * CPU milliseconds a process and every process below it have used so far: its own threads, its
 * live descendants (a launcher's workers), and the children that ended (a worker that was
 * replaced). The dashboard bench reads the server this way, however many workers it runs.
 */
export function processTreeCpuMs(pid: number): number | null {
  const root = procStat(pid);
  if (!root) return null;
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat) parents.set(Number(entry), stat.ppid);
  }
  const below = new Set([pid]);
  // Parents come before their children in no particular order: repeat until nothing joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents)
      if (!below.has(child) && below.has(parent)) {
        below.add(child);
        grew = true;
      }
  }
  let ticks = root.own + root.children;
  for (const each of below) if (each !== pid) ticks += procStat(each)?.own ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** How many of a process's children are node processes (a launcher's workers). */
export function nodeChildren(pid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (procStat(Number(entry))?.ppid !== pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'node') count += 1;
    } catch {
      // gone meanwhile
    }
  }
  return count;
}

/** Resident memory (VmRSS) of a launcher and of each of its node children (its workers), e.g. `launcher 180 MiB, workers 210 + 205 MiB`. */
export function residentMemory(pid: number): string {
  const rss = (each: number) => {
    try {
      const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${each}/status`, 'utf8'))?.[1];
      return kib ? Math.round(Number(kib) / 1024) : 0;
    } catch {
      return 0;
    }
  };
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || procStat(Number(entry))?.ppid !== pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'node') children.push(rss(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return `launcher ${rss(pid)} MiB${children.length ? `, workers ${children.map(String).join(' + ')} MiB` : ' (serves itself)'}`;
}

/**
 * CPU milliseconds a PostgreSQL server has used so far: the postmaster, its live children
 * (backends, checkpointer, WAL writer) and the children that ended. `backendPid` is any
 * backend's pid (`select pg_backend_pid()`); its parent is the postmaster.
 */
export function postgresCpuMs(backendPid: number): number | null {
  const postmaster = procStat(backendPid)?.ppid;
  if (!postmaster) return null;
  const main = procStat(postmaster);
  if (!main) return null;
  let ticks = main.own + main.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat?.ppid === postmaster) ticks += stat.own;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
