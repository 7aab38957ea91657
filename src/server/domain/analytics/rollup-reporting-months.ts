import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";

/**
 * Rewrites months of reporting_monthly as the sums of their reporting_daily rows (all months when `months` is
 * absent; months as YYYY-MM-01). Called wherever daily rows change, so a month row always equals its days.
 */
export async function rollupReportingMonths(
  tx: Tx,
  input: { organizationId: string; months?: readonly string[] },
): Promise<void> {
  const { organizationId, months } = input;
  if (months?.length === 0) return;
  const inMonths = (column: Prisma.Sql) =>
    months ? Prisma.sql`AND ${column} = ANY(${[...months]}::date[])` : Prisma.empty;
  await tx.$executeRaw`
    DELETE FROM reporting_monthly WHERE organization_id = ${organizationId}::uuid ${inMonths(Prisma.sql`month`)}`;
  // The day range lets the (organization_id, day) index narrow the scan to those months.
  const sorted = months ? [...months].sort() : null;
  await tx.$executeRaw`
    INSERT INTO reporting_monthly (organization_id, month, kind, instance_id, member_id, direction, bucket, business_bucket,
      count, value_sum)
    SELECT organization_id, date_trunc('month', day)::date, kind, instance_id, member_id, direction, bucket,
      business_bucket, sum(count)::int, sum(value_sum)
    FROM reporting_daily
    WHERE organization_id = ${organizationId}::uuid
      ${
        sorted
          ? Prisma.sql`AND day >= ${sorted[0]!}::date AND day < (${sorted[sorted.length - 1]!}::date + interval '1 month')
              AND date_trunc('month', day)::date = ANY(${sorted}::date[])`
          : Prisma.empty
      }
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
}
