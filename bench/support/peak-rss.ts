import { readFileSync } from "node:fs";
import { round1 } from "./common";

/** A process's peak resident memory in MB (VmHWM, kept by the kernel); null once it has exited. */
export function peakRssMb(pid: number): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : round1(Number(kb) / 1024);
  } catch {
    return null;
  }
}

/**
 * Prints the web server's and the worker's peak RSS and returns them for the bench's JSON line. Read
 * before the stack stops: the peak lives only as long as the process.
 */
export function reportPeakRss(pids: { web?: number; worker?: number }): { web: number | null; worker: number | null } {
  const peak = {
    web: pids.web === undefined ? null : peakRssMb(pids.web),
    worker: pids.worker === undefined ? null : peakRssMb(pids.worker),
  };
  const mb = (value: number | null) => (value === null ? "n/a" : `${value} MB`);
  console.log(`peak RSS: web ${mb(peak.web)}, worker ${mb(peak.worker)}`);
  return peak;
}
