import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ, the same on every Linux architecture Node runs). */
const TICKS_PER_SECOND = 100;

/** CPU seconds a process (all its threads) and its main thread have used, from /proc (Linux only). */
export interface ProcessCpu {
  total: number;
  mainThread: number;
}

function cpuSecondsOf(statPath: string): number {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th
  // and 13th of them (fields 14 and 15 of proc(5)).
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The process's own CPU plus that of its descendants still running (`next start` may serve from a child). */
export function processCpu(pid: number): ProcessCpu {
  let total = cpuSecondsOf(`/proc/${pid}/stat`);
  let mainThread = cpuSecondsOf(`/proc/${pid}/task/${pid}/stat`);
  for (const child of childrenOf(pid)) {
    const nested = processCpu(child);
    total += nested.total;
    mainThread = Math.max(mainThread, nested.mainThread);
  }
  return { total, mainThread };
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) children.push(...text.split(' ').map(Number));
    } catch {
      // the thread ended while we looked
    }
  }
  return children;
}
