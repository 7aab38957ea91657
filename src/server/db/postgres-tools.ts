import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export class PostgresToolError extends Error {}

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
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    try {
      const line = execFileSync(candidate, ["--version"], { encoding: "utf8" });
      if (majorVersionOf(line) === major) return candidate;
    } catch {
      // not runnable; try the next
    }
  }
  throw new PostgresToolError(
    `No ${tool} of PostgreSQL ${major} was found (the server is ${major}). Install postgresql-client-${major}, or set MIRAGE_PG_BIN_DIR to the folder holding it.`,
  );
}
