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
