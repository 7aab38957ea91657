import { loadDotEnv } from "../src/env";
import { db, disconnectDb } from "../src/server/db/client";
import { backfillMessageEvents } from "../src/server/domain/analytics/backfill-message-events";
import { ensureRollupSchedule } from "../src/server/domain/analytics/ensure-rollup-schedule";
import { rebuildReportingRollup } from "../src/server/domain/analytics/refresh-reporting-rollup";
import { stopSenderBoss } from "../src/server/jobs/enqueue";
import { PGBOSS_SCHEMA } from "../src/server/jobs/boss";
import { isSetupError, prepareDatabase } from "./prepare-database";

// `npm run analytics:rebuild [-- <organizationId>…]`: adds the message events of messages stored before
// analytics existed, recomputes the daily rollup from raw reporting events (all organizations with scheduled
// jobs when none is named) and makes sure each has its rollup schedule.
loadDotEnv();
async function main() {
  const { embedded } = await prepareDatabase(() => undefined);
  try {
    const named = process.argv.slice(2).filter((arg) => /^[0-9a-f-]{36}$/i.test(arg));
    // Organizations are hidden by Row-Level Security outside one; pg-boss's schedules name every active one.
    const organizationIds = named.length
      ? named
      : (
          await db().$queryRawUnsafe<{ key: string }[]>(
            `SELECT DISTINCT key FROM ${PGBOSS_SCHEMA}.schedule WHERE name IN ('instances.watchdog', 'analytics.rollup')`,
          )
        ).map((row) => row.key);
    for (const organizationId of organizationIds) {
      const started = performance.now();
      const { added } = await backfillMessageEvents({ organizationId });
      const { days } = await rebuildReportingRollup({ organizationId });
      await ensureRollupSchedule(organizationId);
      const ms = Math.round(performance.now() - started);
      console.log(`${organizationId}: ${added} message events backfilled, ${days.length} days rolled up in ${ms} ms`);
    }
  } finally {
    await stopSenderBoss();
    await disconnectDb();
    await embedded?.stop();
  }
}
main().catch((error) => {
  console.error(`mirage: ${isSetupError(error) ? error.message : error.stack}`);
  process.exit(1);
});
