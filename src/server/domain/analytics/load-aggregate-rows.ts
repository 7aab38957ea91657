import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import { addDays } from "./organization-calendar";
import { eventAggregate, type AggregateRow } from "./rollup-reporting-days";

/**
 * Aggregate rows over organization days [from, end): days the rollup has completed come from it, later
 * days (today) from raw events. The dashboard and saved reports read through this, so they cannot disagree.
 */
export async function loadAggregateRows(
  tx: Tx,
  input: { organizationId: string; timezone: string; from: string; end: string },
): Promise<AggregateRow[]> {
  const { organizationId, timezone, from, end } = input;
  const [state] = await tx.$queryRaw<{ completeThrough: string }[]>`
    SELECT complete_through::text AS "completeThrough" FROM reporting_rollup_state
    WHERE organization_id = ${organizationId}::uuid`;
  // Raw events from the day after the rollup's watermark (never before the window, never after today).
  const rawFrom = state && state.completeThrough >= from ? addDays(state.completeThrough, 1) : from;
  const rolledUntil = rawFrom < end ? rawFrom : end;
  return tx.$queryRaw<AggregateRow[]>`
    SELECT day::text AS day, kind, instance_id AS "instanceId", member_id AS "memberId", direction::text AS direction,
      bucket::int AS bucket, business_bucket::int AS "businessBucket", sum(count)::int AS count, sum(value_sum)::float8 AS "valueSum"
    FROM reporting_daily
    WHERE organization_id = ${organizationId}::uuid AND day >= ${from}::date AND day < ${rolledUntil}::date
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ${rawFrom < end ? Prisma.sql`UNION ALL ${eventAggregate({ organizationId, timezone, from: rawFrom, to: end })}` : Prisma.empty}`;
}
