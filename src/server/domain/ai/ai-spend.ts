import type { Tx } from "../../db/tenant";

export interface MonthSpend {
  /** "YYYY-MM" in the organization's time zone. */
  month: string;
  spent: number;
}

/** What the organization's AI calls cost this calendar month, in its time zone. */
export async function monthSpend(tx: Tx, organizationId: string, timezone: string): Promise<MonthSpend> {
  const [row] = await tx.$queryRaw<{ spent: string; month: string }[]>`
    SELECT COALESCE(SUM(cost), 0)::text AS spent, to_char(now() AT TIME ZONE ${timezone}, 'YYYY-MM') AS month
    FROM ai_calls
    WHERE organization_id = ${organizationId}::uuid
      AND created_at >= (date_trunc('month', now() AT TIME ZONE ${timezone}) AT TIME ZONE ${timezone})`;
  return { month: row!.month, spent: Number(row!.spent) };
}

/** Budget alert threshold: the 80% notice. */
export const BUDGET_ALERT_RATIO = 0.8;
