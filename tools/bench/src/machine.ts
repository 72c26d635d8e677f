// How busy the whole machine was while a scenario ran: on a shared 2-core machine, other
// processes move the figures, so each result carries the load it was measured under.
import os from 'node:os';

export interface CpuSample {
  idle: number;
  total: number;
}

export function cpuSample(): CpuSample {
  let idle = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total };
}

/** Share of CPU time, over every core, that was not idle between two samples. */
export function busyBetween(a: CpuSample, b: CpuSample): number {
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.idle - a.idle) / total : 0;
}

/** Measures `run` together with the machine's load: 1-minute load average at the end, CPU busy share. */
export async function withMachineLoad<T>(
  run: () => Promise<T>,
): Promise<{ value: T; avg1: number; cpuBusy: number }> {
  const before = cpuSample();
  const value = await run();
  return { value, avg1: os.loadavg()[0]!, cpuBusy: busyBetween(before, cpuSample()) };
}
