import type { Tx } from "../../db/tenant";

export interface InstanceUptime {
  day: number | null;
  week: number | null;
}

/**
 * Share of time each instance spent `open` over the last 24 h and 7 d, from its timeline of state
 * changes (the state in force when a window opened counts from the window's start), in one query.
 * Instances with no timeline are absent.
 */
export async function instanceUptime(tx: Tx, organizationId: string): Promise<Map<string, InstanceUptime>> {
  const rows = await tx.$queryRaw<
    { instance_id: string; day_open: number; day_total: number; week_open: number; week_total: number }[]
  >`
    WITH bounds AS (SELECT now() AS now, now() - interval '7 days' AS week, now() - interval '1 day' AS day),
    transitions AS (
      SELECT e.instance_id, e.occurred_at, e.state
      FROM instance_events e, bounds
      WHERE e.organization_id = ${organizationId}::uuid AND e.state IS NOT NULL AND e.occurred_at >= bounds.week
      UNION ALL
      SELECT * FROM (
        SELECT DISTINCT ON (e.instance_id) e.instance_id, bounds.week AS occurred_at, e.state
        FROM instance_events e, bounds
        WHERE e.organization_id = ${organizationId}::uuid AND e.state IS NOT NULL AND e.occurred_at < bounds.week
        ORDER BY e.instance_id, e.occurred_at DESC
      ) AS before_window
    ),
    spans AS (
      SELECT instance_id, state, occurred_at AS starts,
             lead(occurred_at, 1, (SELECT now FROM bounds)) OVER (PARTITION BY instance_id ORDER BY occurred_at) AS ends
      FROM transitions
    ),
    measured AS (
      SELECT instance_id, state,
             extract(epoch FROM ends - starts) AS week_seconds,
             greatest(0, extract(epoch FROM ends - greatest(starts, (SELECT day FROM bounds)))) AS day_seconds
      FROM spans
    )
    SELECT instance_id::text,
           coalesce(sum(day_seconds) FILTER (WHERE state = 'open'), 0)::float8 AS day_open,
           sum(day_seconds)::float8 AS day_total,
           coalesce(sum(week_seconds) FILTER (WHERE state = 'open'), 0)::float8 AS week_open,
           sum(week_seconds)::float8 AS week_total
    FROM measured GROUP BY instance_id`;
  return new Map(
    rows.map((r) => [
      r.instance_id,
      {
        day: r.day_total > 0 ? r.day_open / r.day_total : null,
        week: r.week_total > 0 ? r.week_open / r.week_total : null,
      },
    ]),
  );
}
