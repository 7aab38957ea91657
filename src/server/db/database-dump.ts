import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { findPostgresTool, majorVersionOf } from "./postgres-tools";

const run = promisify(execFile);

/** The server's version (`18.4`) and major version of the database at `url`. */
export async function serverVersion(url: string): Promise<{ version: string; major: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    return { version, major: majorVersionOf(`(PostgreSQL) ${version}`)! };
  } finally {
    await client.end();
  }
}

/** The last migration applied, or null on a database Mirage never migrated. */
export async function migrationLevel(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query<{ t: string | null }>(
      `SELECT to_regclass('public._prisma_migrations')::text AS t`,
    );
    if (!table.rows[0]!.t) return null;
    const last = await client.query<{ name: string | null }>(
      `SELECT max(migration_name) AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return last.rows[0]!.name;
  } finally {
    await client.end();
  }
}

/** Tables outside PostgreSQL's own schemas: a restore target holding any is not empty. */
export async function userTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    return Number(result.rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** `pg_dump --format=custom` of the database at `url` into `out`, with the pg_dump of the server's major version. */
export async function dumpDatabase(options: {
  url: string;
  out: string;
  binDir?: string;
}): Promise<{ serverVersion: string }> {
  const { version, major } = await serverVersion(options.url);
  const pgDump = findPostgresTool("pg_dump", major, options.binDir);
  await run(pgDump, [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${options.out}`,
    `--dbname=${options.url}`,
  ]);
  return { serverVersion: version };
}

/** Loads a custom-format dump into the database at `url`; `clean` drops what the dump recreates first. */
export async function restoreDump(options: {
  url: string;
  file: string;
  clean: boolean;
  binDir?: string;
}): Promise<void> {
  const { major } = await serverVersion(options.url);
  const pgRestore = findPostgresTool("pg_restore", major, options.binDir);
  await run(pgRestore, [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    ...(options.clean ? ["--clean", "--if-exists"] : []),
    `--dbname=${options.url}`,
    options.file,
  ]);
}
