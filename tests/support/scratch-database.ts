import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "~/env";
import { defaultMigrationsDir, migrate, readMigrations } from "~/server/db/migrate";
import { readLocalSecrets } from "~/server/db/secrets";

/** A superuser connection to the test cluster (row-level security hides no rows from it). */
export function superuserClient(database = "postgres"): pg.Client {
  const secrets = readLocalSecrets(env().dataDir)!;
  return new pg.Client({
    host: "127.0.0.1",
    port: env().EMBEDDED_PG_PORT,
    user: "postgres",
    password: secrets.dbSuperuserPassword,
    database,
  });
}

/** A throwaway database on the test cluster, owned by the application role; returns its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  const admin = superuserClient();
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} OWNER mirage`);
  await admin.end();
  const url = new URL(env().DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Applies every migration older than `migrationName` (and that one too with `through`), as a database last
 * migrated then would be.
 */
export async function migrateUntil(
  databaseUrl: string,
  migrationName: string,
  options: { through?: boolean } = {},
): Promise<string[]> {
  const before = mkdtempSync(path.join(tmpdir(), "mirage-migrations-before-"));
  const included = (name: string) => name < migrationName || (options.through === true && name === migrationName);
  for (const { name } of readMigrations().filter((m) => included(m.name)))
    cpSync(path.join(defaultMigrationsDir, name), path.join(before, name), { recursive: true });
  cpSync(path.join(defaultMigrationsDir, "migration_lock.toml"), path.join(before, "migration_lock.toml"));
  return migrate({ databaseUrl, migrationsDir: before });
}

/**
 * A scratch database migrated up to (not including) `migrationName`, holding `legacySql`'s rows as that
 * schema stored them, with a connection as the application role (the SQL may set the organization).
 */
export async function legacyDatabase(name: string, migrationName: string, legacySql: string) {
  const url = await scratchDatabase(name);
  await migrateUntil(url, migrationName);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(legacySql);
  return { url, client };
}

/** Runs `sql` (a migration, or the part of it that converts rows) again in one transaction. */
export async function replay(client: pg.Client, sql: string): Promise<void> {
  await client.query("BEGIN");
  await client.query(sql);
  await client.query("COMMIT");
}

/** A migration's SQL from `marker` on (its conversion, without the DDL a second run could not repeat). */
export function migrationSql(migrationName: string, marker?: string): string {
  const sql = readFileSync(path.join(defaultMigrationsDir, migrationName, "migration.sql"), "utf8");
  return marker ? sql.slice(sql.indexOf(marker)) : sql;
}
