import { spawnSync } from 'node:child_process';

/**
 * Resident memory of one browser's renderer processes (its pages and their workers), found
 * through the process tree under the process whose command line names `profile`, the browser's
 * own user-data folder. Other browsers on the machine (a second test run, a benchmark) don't count.
 */
export function rendererMemory(profile: string): number {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,rss=,args=']).stdout.toString().split('\n').map((line) => {
    const [pid = '', ppid = '', rss = '', ...args] = line.trim().split(/\s+/);
    return { pid, ppid, rss: Number(rss) * 1024, args: args.join(' ') };
  });
  const ours = new Set(rows.filter((r) => r.args.includes(profile)).map((r) => r.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) if (ours.has(r.ppid) && !ours.has(r.pid)) (ours.add(r.pid), (grew = true));
  }
  return rows.filter((r) => ours.has(r.pid) && r.args.includes('--type=renderer')).reduce((sum, r) => sum + r.rss, 0);
}

/** Samples `rendererMemory(profile)` every 100 ms until `stop()`, which returns the peak in bytes. */
export function sampleRendererMemory(profile: string): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rendererMemory(profile))), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, rendererMemory(profile))) };
}

/** Bytes as MiB for reports. */
export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}
