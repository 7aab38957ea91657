import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import { rollupCoverage } from "./load-aggregate-rows";
import { addMonths, monthOf } from "./organization-calendar";
import { eventAggregate, type AggregateRow } from "./rollup-reporting-days";

/** An aggregate row summed over a whole period (no day). */
export type PeriodRow = Omit<AggregateRow, "day">;

/**
 * loadAggregateRows summed over organization days [from, end), in SQL: the whole months inside the rolled-up
 * days from reporting_monthly, the days around them from reporting_daily, later days (today) from raw events.
 * A year is about a dozen month rows per combination instead of 365 day rows, and a few hundred rows leave
 * the database instead of every day's.
 */
export async function loadPeriodRows(
  tx: Tx,
  input: { organizationId: string; timezone: string; from: string; end: string },
): Promise<PeriodRow[]> {
  const { organizationId, timezone, from, end } = input;
  const { rawFrom, rolledUntil, monthly } = await rollupCoverage(tx, input);
  const monthsFrom = monthOf(from) === from ? from : addMonths(monthOf(from), 1);
  // The month holding rolledUntil is not complete before it (unless rolledUntil starts it: then it is excluded).
  const monthsUntil = monthOf(rolledUntil);
  const useMonths = monthly && monthsFrom < monthsUntil;
  const columns = Prisma.sql`kind, instance_id AS "instanceId", member_id AS "memberId", direction::text AS direction,
    bucket::int AS bucket, business_bucket::int AS "businessBucket", count, value_sum AS "valueSum"`;
  const daily = (dayFrom: string, dayUntil: string) =>
    dayFrom < dayUntil
      ? Prisma.sql`UNION ALL SELECT ${columns} FROM reporting_daily
          WHERE organization_id = ${organizationId}::uuid AND day >= ${dayFrom}::date AND day < ${dayUntil}::date`
      : Prisma.empty;
  return tx.$queryRaw<PeriodRow[]>`
    SELECT kind, "instanceId", "memberId", direction, bucket, "businessBucket", sum(count)::int AS count,
      sum("valueSum")::float8 AS "valueSum"
    FROM (
      SELECT ${columns} FROM reporting_monthly
      WHERE organization_id = ${organizationId}::uuid AND month >= ${monthsFrom}::date AND month < ${monthsUntil}::date
        AND ${useMonths}
      ${useMonths ? Prisma.sql`${daily(from, monthsFrom)} ${daily(monthsUntil, rolledUntil)}` : daily(from, rolledUntil)}
      ${
        rawFrom < end
          ? Prisma.sql`UNION ALL SELECT kind, "instanceId", "memberId", direction, bucket, "businessBucket", count, "valueSum"
              FROM (${eventAggregate({ organizationId, timezone, from: rawFrom, to: end })}) e`
          : Prisma.empty
      }
    ) r
    GROUP BY 1, 2, 3, 4, 5, 6`;
}
