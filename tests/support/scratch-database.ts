import { cpSync, mkdtempSync } from "node:fs";
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
