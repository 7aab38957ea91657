import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import { DURATION_BOUNDS } from "./duration-buckets";
import { addDays, monthOf } from "./organization-calendar";
import { rollupReportingMonths } from "./rollup-reporting-months";

export interface AggregateRow {
  day: string;
  kind: string;
  instanceId: string | null;
  memberId: string | null;
  direction: string | null;
  bucket: number | null;
  /** Bucket of the business-hours duration (null for events without one). */
  businessBucket: number | null;
  count: number;
  valueSum: number;
}

/**
 * Raw events aggregated like the rollup (one row per day in `timezone`, kind, instance, member, direction
 * and duration bucket, wall-clock and business hours) over organization days [from, to), optionally only some of them. The rollup and the
 * dashboard's "today" both read through this, so they cannot disagree.
 */
export function eventAggregate(input: {
  organizationId: string;
  timezone: string;
  from: string;
  to: string;
  days?: string[];
}): Prisma.Sql {
  const day = Prisma.sql`(e.occurred_at AT TIME ZONE ${input.timezone})::date`;
  return Prisma.sql`
    SELECT ${day}::text AS day, e.kind, e.instance_id AS "instanceId", e.member_id AS "memberId",
      e.direction::text AS direction,
      CASE WHEN e.value IS NULL THEN NULL ELSE width_bucket(e.value, ${[...DURATION_BOUNDS]}::float8[]) END AS bucket,
      CASE WHEN e.business_value IS NULL THEN NULL
        ELSE width_bucket(e.business_value, ${[...DURATION_BOUNDS]}::float8[]) END AS "businessBucket",
      count(*)::int AS count, COALESCE(sum(e.value), 0)::float8 AS "valueSum"
    FROM reporting_events e
    WHERE e.organization_id = ${input.organizationId}::uuid
      AND e.occurred_at >= (${input.from}::date)::timestamp AT TIME ZONE ${input.timezone}
      AND e.occurred_at < (${input.to}::date)::timestamp AT TIME ZONE ${input.timezone}
      ${input.days ? Prisma.sql`AND ${day} = ANY(${input.days}::date[])` : Prisma.empty}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/**
 * Recomputes whole days of the rollup from raw events, then their months (delete then insert: a rerun gives the
 * same rows).
 */
export async function rollupReportingDays(
  tx: Tx,
  input: { organizationId: string; timezone: string; days: string[] },
): Promise<void> {
  if (input.days.length === 0) return;
  const sorted = [...input.days].sort();
  const aggregate = eventAggregate({
    ...input,
    from: sorted[0]!,
    to: addDays(sorted[sorted.length - 1]!, 1),
  });
  await tx.$executeRaw`
    DELETE FROM reporting_daily WHERE organization_id = ${input.organizationId}::uuid AND day = ANY(${sorted}::date[])`;
  await tx.$executeRaw`
    INSERT INTO reporting_daily (organization_id, day, kind, instance_id, member_id, direction, bucket, business_bucket,
      count, value_sum)
    SELECT ${input.organizationId}::uuid, a.day::date, a.kind, a."instanceId", a."memberId", a.direction::"MessageDirection", a.bucket,
      a."businessBucket", a.count, a."valueSum"
    FROM (${aggregate}) a`;
  await rollupReportingMonths(tx, { organizationId: input.organizationId, months: [...new Set(sorted.map(monthOf))] });
}
