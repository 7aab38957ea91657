import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

/** Debian's PostgreSQL 15 server (`.ci/run` installs it): an external database older than the embedded 18. */
export const DEBIAN_POSTGRES_BIN = "/usr/lib/postgresql/15/bin";

export interface ExternalServer {
  /** The URL of `database` on this server, as its superuser. */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/**
 * A throwaway PostgreSQL 15 cluster on loopback with trust authentication, standing in for a managed
 * database. As root the server runs as the `postgres` user, which must own its folder.
 */
export function startDebianPostgres(port: number): ExternalServer {
  const dir = mkdtempSync(path.join(tmpdir(), "mirage-pg15-"));
  chmodSync(dir, 0o755);
  const asServerUser = (tool: string, args: string[]) => {
    const binary = path.join(DEBIAN_POSTGRES_BIN, tool);
    if (userInfo().uid !== 0) return execFileSync(binary, args, { stdio: "pipe" });
    execFileSync("chown", ["postgres:postgres", dir]);
    return execFileSync("runuser", ["-u", "postgres", "--", binary, ...args], { stdio: "pipe" });
  };
  const dataDir = path.join(dir, "data");
  asServerUser("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  asServerUser("pg_ctl", [
    "-D",
    dataDir,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "start",
  ]);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop() {
      if (existsSync(path.join(dataDir, "postmaster.pid")))
        asServerUser("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
