import { createHash } from "node:crypto";
import type pg from "pg";
import { logger } from "../logger";
import { uuid7 } from "./uuid7";

/** A statement's plan is taken again at most this often per process (EXPLAIN costs a round trip). */
const EXPLAIN_EVERY_MS = 10 * 60_000;
const MAX_QUERY_CHARS = 10_000;
/** Slow statements are gathered and written together, at most this often. */
const FLUSH_EVERY_MS = 2_000;
/** Distinct statements held between writes; past it, new ones wait for the next sighting. */
const MAX_PENDING = 200;

/** String literals written into the SQL itself are values too: stored and shown as '?'. */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "'?'");
}

/** Only statements a plan means something for; transaction control is not. */
const explainable = /^\s*\(?\s*(select|with|insert|update|delete)\b/i;

interface Pending {
  query: string;
  count: number;
  totalMs: number;
  maxMs: number;
  lastMs: number;
}

/**
 * Records app queries slower than the threshold in `slow_queries`, one row per SQL text: the text as
 * Prisma sent it (parameters as $1, $2… — their values, which may be a person's data, are never read;
 * literals as '?') and its generic plan (`EXPLAIN (GENERIC_PLAN)`, PostgreSQL 16+: planned without
 * values). Sightings are gathered in memory and written every few seconds on one connection, and not
 * while the pool has callers waiting: slow queries often mean a loaded database, which the log must not
 * load further. It writes through the pool directly, not Prisma, so its own statements are never logged.
 */
export function slowQueryRecorder(pool: pg.Pool, thresholdMs: number) {
  const explainedAt = new Map<string, number>();
  const pending = new Map<string, Pending>();
  let timer: NodeJS.Timeout | null = null;

  const flush = async () => {
    timer = null;
    if (pool.waitingCount > 0) return schedule();
    const batch = [...pending.entries()];
    pending.clear();
    try {
      await write(pool, batch, (hash, query) => {
        const due = (explainedAt.get(hash) ?? 0) < Date.now() - EXPLAIN_EVERY_MS && explainable.test(query);
        if (due) explainedAt.set(hash, Date.now());
        return due;
      });
    } catch (error) {
      logger.warn({ err: error }, "slow queries not recorded");
    }
  };
  const schedule = () => {
    timer ??= setTimeout(() => void flush(), FLUSH_EVERY_MS).unref();
  };

  return (event: { query: string; duration: number }) => {
    if (thresholdMs <= 0 || event.duration < thresholdMs) return;
    const query = event.query.slice(0, MAX_QUERY_CHARS);
    const hash = createHash("sha256").update(withoutLiterals(query)).digest("hex");
    const seen = pending.get(hash);
    if (seen) {
      seen.count += 1;
      seen.totalMs += event.duration;
      seen.maxMs = Math.max(seen.maxMs, event.duration);
      seen.lastMs = event.duration;
    } else if (pending.size < MAX_PENDING) {
      const ms = event.duration;
      pending.set(hash, { query, count: 1, totalMs: ms, maxMs: ms, lastMs: ms });
    }
    schedule();
  };
}

async function write(
  pool: pg.Pool,
  batch: [string, Pending][],
  explainDue: (hash: string, query: string) => boolean,
): Promise<void> {
  if (batch.length === 0) return;
  const client = await pool.connect();
  try {
    for (const [hash, entry] of batch) {
      let plan: string | null = null;
      if (explainDue(hash, entry.query)) {
        try {
          const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (GENERIC_PLAN) ${entry.query}`);
          plan = withoutLiterals(result.rows.map((row) => row["QUERY PLAN"]).join("\n"));
        } catch (error) {
          logger.debug({ err: error }, "slow query not explainable");
        }
      }
      await client.query("BEGIN");
      await client.query("SELECT set_config('mirage.platform', 'on', true)");
      await client.query(
        `INSERT INTO slow_queries (id, query_hash, query, count, total_ms, max_ms, last_ms, explain, first_seen_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now())
         ON CONFLICT (query_hash) DO UPDATE SET
           count = slow_queries.count + EXCLUDED.count,
           total_ms = slow_queries.total_ms + EXCLUDED.total_ms,
           max_ms = GREATEST(slow_queries.max_ms, EXCLUDED.max_ms),
           last_ms = EXCLUDED.last_ms,
           explain = COALESCE(EXCLUDED.explain, slow_queries.explain),
           last_seen_at = now()`,
        [uuid7(), hash, withoutLiterals(entry.query), entry.count, entry.totalMs, entry.maxMs, entry.lastMs, plan],
      );
      await client.query("COMMIT");
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
