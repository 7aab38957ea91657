import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/**
 * Contents PostgreSQL rebuilds itself or must not find in a restored cluster (the list pg_basebackup
 * leaves out): the lock file, temporary and runtime state, replication slots, and WAL, which is added
 * separately once the backup has ended so that every segment it needs is there.
 */
const EXCLUDED = [
  "./postmaster.pid",
  "./postmaster.opts",
  "./backup_label",
  "./tablespace_map",
  "./pg_wal/*",
  "./pg_replslot/*",
  "./pg_stat_tmp/*",
  "./pg_dynshmem/*",
  "./pg_notify/*",
  "./pg_serial/*",
  "./pg_snapshots/*",
  "./pg_subtrans/*",
  "*/pgsql_tmp*",
  "*/pg_internal.init",
];

async function tar(args: string[]): Promise<void> {
  try {
    await run("tar", args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    // GNU tar exits 1 when a file changed while it was read: expected in a running cluster, and
    // repaired on start by replaying the WAL from the backup's start (full-page writes).
    if ((error as { code?: number }).code !== 1) throw error;
  }
}

/**
 * A physical copy of a running cluster into the tar file `out`, taken with PostgreSQL's non-exclusive
 * backup API: `pg_backup_start`, copy the files, `pg_backup_stop`, then the WAL written meanwhile and the
 * backup label. A temporary replication slot keeps that WAL from being recycled during the copy. The
 * result starts as a cluster of its own (crash recovery to the backup's end), like a pg_basebackup.
 * Used for the embedded database, whose version (18) has no pg_dump on the machine.
 */
export async function snapshotCluster(options: {
  clusterDir: string;
  port: number;
  superuserPassword: string;
  out: string;
}): Promise<{ serverVersion: string }> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: options.port,
    user: "postgres",
    password: options.superuserPassword,
    database: "postgres",
  });
  await client.connect();
  const scratch = mkdtempSync(path.join(tmpdir(), "mirage-backup-label-"));
  try {
    const serverVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!
      .v;
    const slot = `mirage_backup_${randomBytes(4).toString("hex")}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    await client.query("SELECT pg_backup_start($1, true)", [`mirage ${new Date().toISOString()}`]);
    let label: string;
    try {
      await tar([
        "--create",
        "--file",
        options.out,
        "--warning=no-file-changed",
        "--warning=no-file-removed",
        "--ignore-failed-read",
        ...EXCLUDED.map((pattern) => `--exclude=${pattern}`),
        "-C",
        options.clusterDir,
        ".",
      ]);
    } finally {
      const stopped = await client.query<{ labelfile: string }>("SELECT labelfile FROM pg_backup_stop(false)");
      label = stopped.rows[0]!.labelfile;
    }
    // pg_backup_stop switched to a new segment: every segment up to the backup's end is complete now.
    const walDir = path.join(options.clusterDir, "pg_wal");
    const segments = readdirSync(walDir).filter(
      (name) => /^[0-9A-F]{24}(\.partial)?$|\.history$/.test(name) && statSync(path.join(walDir, name)).isFile(),
    );
    if (segments.length > 0) {
      await tar(["--append", "--file", options.out, "-C", options.clusterDir, ...segments.map((s) => `./pg_wal/${s}`)]);
    }
    writeFileSync(path.join(scratch, "backup_label"), label, { mode: 0o600 });
    await tar(["--append", "--file", options.out, "-C", scratch, "backup_label"]);
    return { serverVersion };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await client.end();
  }
}

/**
 * Unpacks a snapshot into `clusterDir` (which must not hold a cluster), owned by `ids` when given (as
 * root, postgres runs as its own user) and closed to others, as initdb leaves a cluster.
 */
export async function unpackCluster(options: {
  archive: string;
  clusterDir: string;
  ids?: { uid: number; gid: number };
}): Promise<void> {
  rmSync(options.clusterDir, { recursive: true, force: true });
  await run("mkdir", ["-p", "-m", "700", options.clusterDir]);
  await run("tar", ["--extract", "--file", options.archive, "--no-same-owner", "-C", options.clusterDir]);
  if (options.ids) await run("chown", ["-R", `${options.ids.uid}:${options.ids.gid}`, options.clusterDir]);
  await run("chmod", ["-R", "go-rwx", options.clusterDir]);
}
