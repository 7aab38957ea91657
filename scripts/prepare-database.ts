import {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "../src/server/db/embedded-postgres";
import { DataDirError, ensureWritableDataDir } from "../src/server/db/data-dir";
import { migrate } from "../src/server/db/migrate";
import { loadOrCreateLocalSecrets } from "../src/server/db/secrets";
import { installQueues } from "../src/server/jobs/boss";
import { ConfigError, parseEnv, type Env } from "../src/env";

export interface PreparedDatabase {
  settings: Env;
  embedded: EmbeddedDatabase | null;
}

/**
 * Brings the database to a usable state: embedded Postgres when DATABASE_URL is unset, then
 * migrations and pg-boss's queues. Every step is idempotent and safe to run concurrently.
 */
export async function prepareDatabase(
  log: (line: string) => void,
  /** Told as soon as the embedded database runs, so a Ctrl-C during migrations can still stop it. */
  onEmbeddedStarted?: (database: EmbeddedDatabase) => void,
): Promise<PreparedDatabase> {
  const raw = parseEnvLeniently();
  let embedded: EmbeddedDatabase | null = null;
  ensureWritableDataDir(raw.dataDir);
  if (!process.env.DATABASE_URL || raw.production === false) {
    // Secrets for a self-contained install (auth, embedded DB passwords, encryption key).
    const secrets = loadOrCreateLocalSecrets(raw.dataDir);
    if (!process.env.DATABASE_URL) {
      embedded = await startEmbeddedPostgres({ dataDir: raw.dataDir, port: raw.pgPort, secrets, log });
      onEmbeddedStarted?.(embedded);
    }
  }
  try {
    const settings = parseEnv();
    await migrate({ databaseUrl: settings.DATABASE_URL, log }).catch((error: Error) => {
      throw databaseError(error, settings);
    });
    await installQueues(settings.DATABASE_URL);
    return { settings, embedded };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

function parseEnvLeniently() {
  const dataDir = process.env.MIRAGE_DATA_DIR || ".data";
  return {
    dataDir: new URL(dataDir, `file://${process.cwd()}/`).pathname,
    pgPort: Number(process.env.EMBEDDED_PG_PORT || 54329),
    production: process.env.NODE_ENV === "production" && Boolean(process.env.DATABASE_URL),
  };
}

function databaseError(error: Error & { code?: string }, settings: Env): Error {
  const where = settings.databaseIsEmbedded ? "the embedded database" : "DATABASE_URL";
  if (error.code === "ECONNREFUSED" || error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") {
    return new ConfigError(
      `Cannot reach ${where} (${error.code}). Check the host and port in DATABASE_URL, and that Postgres is running.`,
    );
  }
  if (error.code === "28P01" || error.code === "28000") {
    return new ConfigError(`Postgres refused the login in ${where}. Check the user and password in DATABASE_URL.`);
  }
  if (error.code === "3D000") {
    return new ConfigError(`The database named in DATABASE_URL does not exist. Create it (createdb) or fix the name.`);
  }
  return error;
}

/** Errors whose message alone tells a person what is wrong and how to fix it. */
export function isSetupError(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof DataDirError;
}

export { ConfigError, EmbeddedPostgresError };
