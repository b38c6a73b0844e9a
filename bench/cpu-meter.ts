import { readFileSync } from 'node:fs';

/** Busy and total CPU time of the whole machine so far, in seconds (from /proc/stat; USER_HZ = 100). */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / 100, total: (busy + idle + iowait) / 100 };
}

const ownCpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * How much of the machine other processes used while a measurement ran (0–1): the machine's busy time less
 * this process's own (DuckDB's threads included), over the machine's total. A figure measured while a
 * neighbour took half the CPUs says so beside it.
 */
export function startCpuMeter(): { stop(): number } {
  const machine = machineCpu();
  const own = ownCpu();
  return {
    stop() {
      const now = machineCpu();
      const total = now.total - machine.total;
      if (total <= 0) return 0;
      return Math.min(1, Math.max(0, (now.busy - machine.busy - (ownCpu() - own)) / total));
    },
  };
}
