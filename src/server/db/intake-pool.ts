import pg from "pg";
import { env } from "../../env";
import { AppError } from "../errors";
import { logger } from "../logger";

const globalForIntake = globalThis as typeof globalThis & { mirageIntakePool?: pg.Pool };

/** Statements of the intake are one insert; one that takes this long means the database is in trouble. */
const STATEMENT_TIMEOUT_MS = 5_000;

function intakePool(): pg.Pool {
  if (!globalForIntake.mirageIntakePool) {
    const settings = env();
    const pool = new pg.Pool({
      connectionString: settings.DATABASE_URL,
      max: settings.WEBHOOK_DB_POOL_MAX,
      connectionTimeoutMillis: settings.WEBHOOK_DB_WAIT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      application_name: `mirage-${process.env.MIRAGE_PROCESS ?? "web"}-intake`,
    });
    pool.on("error", (error) => logger.warn({ err: error }, "intake database connection lost"));
    globalForIntake.mirageIntakePool = pool;
  }
  return globalForIntake.mirageIntakePool;
}

/** Postgres errors that mean "busy or away, try again", not "your request is wrong". */
const TRANSIENT_SQLSTATES = new Set(["57014", "57P01", "57P02", "57P03", "53300", "53400", "08000", "08003", "08006"]);

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && (TRANSIENT_SQLSTATES.has(code) || code.startsWith("ECONN"))) return true;
  return error instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
}

/**
 * Runs one statement on the intake pool, or refuses at once with UPSTREAM_UNAVAILABLE (503) when the pool
 * is saturated or the database does not answer: a sender that retries (Evolution does, on 5xx) is better
 * served by a fast refusal than by a request queued for seconds.
 */
export async function intakeQuery<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
  const pool = intakePool();
  if (pool.waitingCount >= env().WEBHOOK_DB_QUEUE_MAX && pool.totalCount >= pool.options.max!) {
    throw new AppError("UPSTREAM_UNAVAILABLE", "webhookIntakeBusy", {
      details: { reason: "intake_pool_saturated" },
    });
  }
  try {
    return (await pool.query<Row>(text, values)).rows;
  } catch (error) {
    if (isTransient(error)) {
      throw new AppError("UPSTREAM_UNAVAILABLE", "webhookIntakeDatabaseDown", {
        cause: error,
        details: { reason: "intake_database_unavailable" },
      });
    }
    throw error;
  }
}

export async function closeIntakePool(): Promise<void> {
  await globalForIntake.mirageIntakePool?.end();
  globalForIntake.mirageIntakePool = undefined;
}
