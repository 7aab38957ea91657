import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import { addDays } from "./organization-calendar";
import { eventAggregate, type AggregateRow } from "./rollup-reporting-days";

export interface RollupCoverage {
  /** Organization days before this one come from the rollup… */
  rolledUntil: string;
  /** …and days from this one (up to the window's end) from raw events. */
  rawFrom: string;
  /** Whether reporting_monthly holds every rolled-up month. */
  monthly: boolean;
}

/** Which part of organization days [from, end) the rollup has completed, from its watermark. */
export async function rollupCoverage(
  tx: Tx,
  input: { organizationId: string; from: string; end: string },
): Promise<RollupCoverage> {
  const [state] = await tx.$queryRaw<{ completeThrough: string; monthly: boolean }[]>`
    SELECT complete_through::text AS "completeThrough", monthly_rollup AS monthly FROM reporting_rollup_state
    WHERE organization_id = ${input.organizationId}::uuid`;
  // Raw events from the day after the rollup's watermark (never before the window, never after today).
  const rawFrom = state && state.completeThrough >= input.from ? addDays(state.completeThrough, 1) : input.from;
  return { rawFrom, rolledUntil: rawFrom < input.end ? rawFrom : input.end, monthly: state?.monthly ?? false };
}

/**
 * Aggregate rows over organization days [from, end), optionally of some kinds only: days the rollup has
 * completed come from it, later days (today) from raw events. The dashboard and saved reports read through
 * this (or loadPeriodRows, its sum over the days), so they cannot disagree.
 */
export async function loadAggregateRows(
  tx: Tx,
  input: { organizationId: string; timezone: string; from: string; end: string; kinds?: readonly string[] },
): Promise<AggregateRow[]> {
  const { organizationId, timezone, from, end } = input;
  const { rawFrom, rolledUntil } = await rollupCoverage(tx, input);
  const kinds = input.kinds ? Prisma.sql`AND kind = ANY(${[...input.kinds]}::text[])` : Prisma.empty;
  return tx.$queryRaw<AggregateRow[]>`
    SELECT * FROM (
      SELECT day::text AS day, kind, instance_id AS "instanceId", member_id AS "memberId", direction::text AS direction,
        bucket::int AS bucket, business_bucket::int AS "businessBucket", sum(count)::int AS count,
        sum(value_sum)::float8 AS "valueSum"
      FROM reporting_daily
      WHERE organization_id = ${organizationId}::uuid AND day >= ${from}::date AND day < ${rolledUntil}::date ${kinds}
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ${rawFrom < end ? Prisma.sql`UNION ALL ${eventAggregate({ organizationId, timezone, from: rawFrom, to: end })}` : Prisma.empty}
    ) a
    WHERE true ${kinds}`;
}
