import { withOrganization, type Tx } from "../../db/tenant";
import { addDays, organizationCalendar } from "./organization-calendar";
import { rollupReportingDays } from "./rollup-reporting-days";
import { rollupReportingMonths } from "./rollup-reporting-months";

/** Days always recomputed: yesterday and the day before (late events mostly land there). */
const RECENT_DAYS = 2;
/** Events created this long before the last run may have committed after it: their days are recomputed too. */
const COMMIT_LAG = "5 minutes";

/**
 * The `analytics.rollup` job: rolls up the last days before today (organization time), plus any earlier
 * day that received late events since the last run, and moves the watermark below which the dashboard
 * reads the rollup. Today always comes from raw events.
 */
export async function refreshReportingRollup(input: { organizationId: string }): Promise<{ days: string[] }> {
  return withOrganization(input.organizationId, async (tx) => {
    await lockRollup(tx, input.organizationId);
    const { timezone, today } = await organizationCalendar(tx, input.organizationId);
    const [state] = await tx.$queryRaw<{ refreshedAt: Date; completeThrough: string; monthlyRollup: boolean }[]>`
      SELECT refreshed_at AS "refreshedAt", complete_through::text AS "completeThrough", monthly_rollup AS "monthlyRollup"
      FROM reporting_rollup_state WHERE organization_id = ${input.organizationId}::uuid`;
    const days = new Set(Array.from({ length: RECENT_DAYS }, (_, i) => addDays(today, -1 - i)));
    // Every day between the watermark and today too: after the worker was down for days, none is skipped.
    if (state) for (let day = addDays(state.completeThrough, 1); day < today; day = addDays(day, 1)) days.add(day);
    const late = state
      ? await tx.$queryRaw<{ day: string }[]>`
          SELECT DISTINCT (occurred_at AT TIME ZONE ${timezone})::date::text AS day FROM reporting_events
          WHERE organization_id = ${input.organizationId}::uuid
            AND created_at > ${state.refreshedAt}::timestamptz - ${COMMIT_LAG}::interval`
      : await tx.$queryRaw<{ day: string }[]>`
          SELECT DISTINCT (occurred_at AT TIME ZONE ${timezone})::date::text AS day FROM reporting_events
          WHERE organization_id = ${input.organizationId}::uuid`;
    for (const { day } of late) if (day < today) days.add(day);
    const sorted = [...days].sort();
    await rollupReportingDays(tx, { organizationId: input.organizationId, timezone, days: sorted });
    // A rollup made before the monthly level existed gets every month once.
    if (state && !state.monthlyRollup) await rollupReportingMonths(tx, { organizationId: input.organizationId });
    await saveWatermark(tx, input.organizationId, addDays(today, -1));
    return { days: sorted };
  });
}

/** Rebuilds the whole rollup from raw events (after a timezone change, or to repair it). */
export async function rebuildReportingRollup(input: { organizationId: string }): Promise<{ days: string[] }> {
  return withOrganization(
    input.organizationId,
    async (tx) => {
      await lockRollup(tx, input.organizationId);
      const { timezone, today } = await organizationCalendar(tx, input.organizationId);
      await tx.$executeRaw`DELETE FROM reporting_daily WHERE organization_id = ${input.organizationId}::uuid`;
      await tx.$executeRaw`DELETE FROM reporting_monthly WHERE organization_id = ${input.organizationId}::uuid`;
      const rows = await tx.$queryRaw<{ day: string }[]>`
        SELECT DISTINCT (occurred_at AT TIME ZONE ${timezone})::date::text AS day FROM reporting_events
        WHERE organization_id = ${input.organizationId}::uuid`;
      const days = rows
        .map((r) => r.day)
        .filter((day) => day < today)
        .sort();
      await rollupReportingDays(tx, { organizationId: input.organizationId, timezone, days });
      await saveWatermark(tx, input.organizationId, addDays(today, -1));
      return { days };
    },
    { timeoutMs: 600_000 },
  );
}

/** One rollup of an organization at a time (a job and a rebuild must not interleave their deletes). */
export async function lockRollup(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('reporting_rollup:' || ${organizationId}))::text`;
}

async function saveWatermark(tx: Tx, organizationId: string, completeThrough: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO reporting_rollup_state (organization_id, complete_through, refreshed_at, monthly_rollup)
    VALUES (${organizationId}::uuid, ${completeThrough}::date, now(), true)
    ON CONFLICT (organization_id) DO UPDATE SET complete_through = EXCLUDED.complete_through, refreshed_at = now(),
      monthly_rollup = true`;
}
