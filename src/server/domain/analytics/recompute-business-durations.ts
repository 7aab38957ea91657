import { withOrganization } from "../../db/tenant";
import { fillBusinessDurations } from "./fill-business-durations";
import { addDays, organizationCalendar } from "./organization-calendar";
import { lockRollup } from "./refresh-reporting-rollup";
import { rollupReportingDays } from "./rollup-reporting-days";

/** How far back new business hours apply: a year of history and a bit more, as saved reports look back. */
export const BUSINESS_RECOMPUTE_DAYS = 400;

/**
 * The `analytics.business-hours` job, after an organization's hours changed: recomputes the business-hours
 * durations of its first response and resolution events of the last `days` days, then the rollup days
 * that hold them (today is read from raw events, so it follows at once). Idempotent: a rerun writes the
 * same values and rows.
 */
export async function recomputeBusinessDurations(input: {
  organizationId: string;
  days?: number;
}): Promise<{ events: number; days: string[] }> {
  return withOrganization(
    input.organizationId,
    async (tx) => {
      await lockRollup(tx, input.organizationId);
      const { timezone, today } = await organizationCalendar(tx, input.organizationId);
      const from = addDays(today, 1 - (input.days ?? BUSINESS_RECOMPUTE_DAYS));
      const [since] = await tx.$queryRaw<
        { at: Date }[]
      >`SELECT (${from}::date)::timestamp AT TIME ZONE ${timezone} AS at`;
      const events = await fillBusinessDurations(tx, input.organizationId, { since: since!.at });
      // Only days the rollup already completed: later ones are read from raw events.
      const rows = await tx.$queryRaw<{ day: string }[]>`
        SELECT DISTINCT day::text AS day FROM reporting_daily
        WHERE organization_id = ${input.organizationId}::uuid AND day >= ${from}::date AND bucket IS NOT NULL`;
      const days = rows.map((row) => row.day).sort();
      await rollupReportingDays(tx, { organizationId: input.organizationId, timezone, days });
      return { events, days };
    },
    { timeoutMs: 600_000 },
  );
}
