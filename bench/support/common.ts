import os from "node:os";
import { readLocalSecrets } from "../../src/server/db/secrets";

/** `--name=value` or `--name value`; a bare `--name` is "true". */
export function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) {
      const next = args[i + 1];
      return next !== undefined && !next.startsWith("--") ? next : "true";
    }
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function numberFlag(name: string, fallback: number): number {
  const value = flag(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number (got ${value})`);
  return parsed;
}

export function booleanFlag(name: string): boolean {
  const value = flag(name);
  return value !== undefined && value !== "false" && value !== "0";
}

/** Nearest-rank percentile, one decimal. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
}

export const round1 = (value: number) => Math.round(value * 10) / 10;
export const round2 = (value: number) => Math.round(value * 100) / 100;

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? "unknown",
    totalMemoryGiB: round1(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** A superuser connection string to the stack's embedded database (bypasses Row-Level Security). */
export function superuserUrl(dataDir: string, port: string | number, database = "mirage"): string {
  const secrets = readLocalSecrets(dataDir);
  if (!secrets) throw new Error(`no secrets in ${dataDir}`);
  return `postgresql://postgres:${encodeURIComponent(secrets.dbSuperuserPassword)}@127.0.0.1:${port}/${database}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
