// CPU time and memory of another process, from /proc (Linux): what the API process spent.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User and system (kernel) CPU milliseconds the process has used so far. */
export function cpuSplitMsOf(pid: number): { userMs: number; systemMs: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ") ".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    userMs: (Number(fields[11]) * 1000) / TICKS_PER_SECOND,
    systemMs: (Number(fields[12]) * 1000) / TICKS_PER_SECOND,
  };
}

/** User + system CPU milliseconds the process has used so far. */
export function cpuMsOf(pid: number): number {
  const { userMs, systemMs } = cpuSplitMsOf(pid);
  return userMs + systemMs;
}

/** Resident memory in MiB. */
export function rssMibOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
