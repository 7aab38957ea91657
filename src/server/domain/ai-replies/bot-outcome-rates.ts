import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import { reportingKinds } from "../analytics/reporting-kinds";
import type { botOutcomeRatesOutput } from "./ai-replies-outputs";

/** A contact writing again this soon after a closing counts as the bot's answer not having settled it. */
const REOPEN_WINDOW_MS = 24 * 3_600_000;

/**
 * How the bot fares over the last `days`, from stored events only: of the conversations it handled (any
 * decision row), the share handed to people, by reason; of those it answered (a reply sent or approved) and
 * that were then closed, the share the contact reopened within 24 h of that closing.
 */
export async function getBotOutcomeRates(
  actor: Actor,
  input: { days: number },
): Promise<z.infer<typeof botOutcomeRatesOutput>> {
  const since = new Date(Date.now() - input.days * 86_400_000);
  const organizationId = actor.organizationId;
  return withOrganization(organizationId, async (tx) => {
    const [handled] = await tx.$queryRaw<{ conversations: number; handed_off: number }[]>`
      SELECT count(DISTINCT conversation_id)::int AS conversations,
             count(DISTINCT conversation_id) FILTER (WHERE status = 'handoff')::int AS handed_off
      FROM ai_auto_replies WHERE organization_id = ${organizationId}::uuid AND created_at >= ${since}`;
    // A conversation counts once per reason it was handed off for.
    const byReason = await tx.$queryRaw<{ reason: string; conversations: number }[]>`
      SELECT reason, count(DISTINCT conversation_id)::int AS conversations FROM ai_auto_replies
      WHERE organization_id = ${organizationId}::uuid AND created_at >= ${since} AND status = 'handoff'
        AND reason IS NOT NULL
      GROUP BY reason ORDER BY reason`;
    // The first closing after the bot's first answer in the period, and whether a reopening followed it soon.
    const [closed] = await tx.$queryRaw<{ closed: number; reopened: number }[]>`
      WITH answered AS (
        SELECT conversation_id, min(created_at) AS answered_at FROM ai_auto_replies
        WHERE organization_id = ${organizationId}::uuid AND created_at >= ${since}
          AND status IN ('sent', 'approved')
        GROUP BY conversation_id
      ), closings AS (
        SELECT a.conversation_id, min(e.occurred_at) AS closed_at FROM answered a
        JOIN reporting_events e ON e.organization_id = ${organizationId}::uuid
          AND e.conversation_id = a.conversation_id AND e.kind = ${reportingKinds.resolved}
          AND e.occurred_at >= a.answered_at
        GROUP BY a.conversation_id
      )
      SELECT count(*)::int AS closed,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM reporting_events r
               WHERE r.organization_id = ${organizationId}::uuid AND r.conversation_id = c.conversation_id
                 AND r.kind = ${reportingKinds.reopened} AND r.occurred_at > c.closed_at
                 AND r.occurred_at <= c.closed_at + ${REOPEN_WINDOW_MS} * interval '1 millisecond'
             ))::int AS reopened
      FROM closings c`;
    const conversations = handled?.conversations ?? 0;
    const handedOff = handled?.handed_off ?? 0;
    const closedCount = closed?.closed ?? 0;
    const reopened = closed?.reopened ?? 0;
    return {
      conversations,
      handedOff,
      handoffRate: conversations ? handedOff / conversations : null,
      byReason: byReason.map((row) => ({
        reason: row.reason,
        conversations: row.conversations,
        rate: conversations ? row.conversations / conversations : null,
      })),
      closedAfterBot: closedCount,
      reopenedWithin24h: reopened,
      reopenRate: closedCount ? reopened / closedCount : null,
    };
  });
}
