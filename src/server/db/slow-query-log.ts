import { createHash } from "node:crypto";
import type pg from "pg";
import { logger } from "../logger";
import { uuid7 } from "./uuid7";

/** A statement's plan is taken again at most this often per process (EXPLAIN costs a round trip). */
const EXPLAIN_EVERY_MS = 10 * 60_000;
const MAX_QUERY_CHARS = 10_000;

/** String literals written into the SQL itself are values too: stored and shown as '?'. */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "'?'");
}

/** Only statements a plan means something for; transaction control and set_config are not. */
const explainable = /^\s*(\(?\s*)(select|with|insert|update|delete)\b/i;

/**
 * Records app queries slower than the threshold in `slow_queries`, one row per SQL text: the text as
 * Prisma sent it (parameters as $1, $2… — their values, which may be a person's data, are never read)
 * and its generic plan (`EXPLAIN (GENERIC_PLAN)`, PostgreSQL 16+: planned without values). It writes
 * through the pool directly, not Prisma, so its own statements are never logged in turn.
 */
export function slowQueryRecorder(pool: pg.Pool, thresholdMs: number) {
  const explainedAt = new Map<string, number>();
  return (event: { query: string; duration: number }) => {
    if (thresholdMs <= 0 || event.duration < thresholdMs) return;
    const query = event.query.slice(0, MAX_QUERY_CHARS);
    const queryHash = createHash("sha256").update(withoutLiterals(query)).digest("hex");
    const due = (explainedAt.get(queryHash) ?? 0) < Date.now() - EXPLAIN_EVERY_MS && explainable.test(query);
    if (due) explainedAt.set(queryHash, Date.now());
    void record(pool, { query, queryHash, durationMs: event.duration, explain: due }).catch((error: unknown) =>
      logger.warn({ err: error }, "slow query not recorded"),
    );
  };
}

async function record(
  pool: pg.Pool,
  entry: { query: string; queryHash: string; durationMs: number; explain: boolean },
): Promise<void> {
  const client = await pool.connect();
  try {
    let plan: string | null = null;
    if (entry.explain) {
      try {
        const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (GENERIC_PLAN) ${entry.query}`);
        plan = withoutLiterals(result.rows.map((row) => row["QUERY PLAN"]).join("\n"));
      } catch (error) {
        plan = null;
        logger.debug({ err: error }, "slow query not explainable");
      }
    }
    await client.query("BEGIN");
    await client.query("SELECT set_config('mirage.platform', 'on', true)");
    await client.query(
      `INSERT INTO slow_queries (id, query_hash, query, count, total_ms, max_ms, last_ms, explain, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, 1, $4, $4, $4, $5, now(), now())
       ON CONFLICT (query_hash) DO UPDATE SET
         count = slow_queries.count + 1,
         total_ms = slow_queries.total_ms + EXCLUDED.last_ms,
         max_ms = GREATEST(slow_queries.max_ms, EXCLUDED.last_ms),
         last_ms = EXCLUDED.last_ms,
         explain = COALESCE(EXCLUDED.explain, slow_queries.explain),
         last_seen_at = now()`,
      [uuid7(), entry.queryHash, withoutLiterals(entry.query), entry.durationMs, plan],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
