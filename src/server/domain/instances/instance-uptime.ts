import type { Tx } from "../../db/tenant";

/**
 * Share of time each instance spent `open` over the last `windowHours`, from its timeline of state
 * changes (the state in force when the window opened counts from the window's start). Instances with no
 * timeline are absent.
 */
export async function instanceUptime(
  tx: Tx,
  organizationId: string,
  windowHours: number,
): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ instance_id: string; open_seconds: number; total_seconds: number }[]>`
    WITH since AS (SELECT now() - make_interval(hours => ${windowHours}) AS at),
    transitions AS (
      SELECT e.instance_id, e.occurred_at, e.state
      FROM instance_events e, since
      WHERE e.organization_id = ${organizationId}::uuid AND e.state IS NOT NULL AND e.occurred_at >= since.at
      UNION ALL
      SELECT * FROM (
        SELECT DISTINCT ON (e.instance_id) e.instance_id, since.at AS occurred_at, e.state
        FROM instance_events e, since
        WHERE e.organization_id = ${organizationId}::uuid AND e.state IS NOT NULL AND e.occurred_at < since.at
        ORDER BY e.instance_id, e.occurred_at DESC
      ) AS before_window
    ),
    spans AS (
      SELECT instance_id, state,
             extract(epoch FROM lead(occurred_at, 1, now()) OVER (PARTITION BY instance_id ORDER BY occurred_at) - occurred_at) AS seconds
      FROM transitions
    )
    SELECT instance_id::text,
           coalesce(sum(seconds) FILTER (WHERE state = 'open'), 0)::float8 AS open_seconds,
           sum(seconds)::float8 AS total_seconds
    FROM spans GROUP BY instance_id`;
  return new Map(rows.filter((r) => r.total_seconds > 0).map((r) => [r.instance_id, r.open_seconds / r.total_seconds]));
}
