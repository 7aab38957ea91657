import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { AppError } from "../errors";

/** The major version a `pg_dump --version` / `postgres --version` line names (`pg_dump (PostgreSQL) 15.18 …` → 15). */
export function majorVersionOf(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : undefined;
}

/**
 * A client tool (pg_dump, pg_restore) whose major version is `major`: pg_dump refuses a server newer than
 * itself, and a dump restored by an older pg_restore may not load. Looks in MIRAGE_PG_BIN_DIR, Debian's
 * per-version folders and PATH, in that order.
 */
export function findPostgresTool(tool: "pg_dump" | "pg_restore", major: number, binDir?: string): string {
  const candidates = [
    ...(binDir ? [path.join(binDir, tool)] : []),
    `/usr/lib/postgresql/${major}/bin/${tool}`,
    ...(process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, tool)),
  ];
  const found: number[] = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    try {
      const version = majorVersionOf(execFileSync(candidate, ["--version"], { encoding: "utf8" }));
      if (version === major) return candidate;
      if (version !== undefined) found.push(version);
    } catch {
      // not runnable; try the next
    }
  }
  // pg_dump refuses a newer server outright; say so rather than let it fail with its own message.
  const older = found.filter((version) => version < major);
  if (older.length > 0) {
    throw new AppError("INTERNAL", "postgresClientTooOld", {
      params: { tool, serverMajor: major, found: older.join(", ") },
    });
  }
  throw new AppError("INTERNAL", "postgresToolMissing", { params: { tool, serverMajor: major } });
}
