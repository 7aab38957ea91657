import { withOrganization } from "../../db/tenant";
import { deliverMessages, type DeliveryOutcome } from "../messages/deliver-message";
import type { ClaimedSend } from "./claim-recipients";

/** Attempts whose gateway certainly did not take the message before a recipient is given up on. */
const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 15_000;

/**
 * Hands a claimed batch of one number to the send pipeline (the same as replies), all in flight at
 * once, and returns how many went out. Recipients follow their messages (database trigger). A send
 * that certainly did not happen is not retried as is: its recipient waits (backoff) and is claimed
 * again, so limits, windows and consent are checked again for the real send.
 */
export async function deliverClaimedSends(organizationId: string, sends: ClaimedSend[]): Promise<number> {
  if (sends.length === 0) return 0;
  const outcomes = await deliverMessages(
    organizationId,
    sends.map((send) => send.messageId),
    { concurrency: sends.length },
  );
  const unsent = sends.flatMap((send) => {
    const result = outcomes.get(send.messageId);
    return result?.outcome === "not-sent" ? [{ ...send, reason: result.reason }] : [];
  });
  if (unsent.length) await releaseUnsent(organizationId, unsent);
  return [...outcomes.values()].filter((result: DeliveryOutcome) => result.outcome === "sent").length;
}

async function releaseUnsent(organizationId: string, unsent: (ClaimedSend & { reason: string })[]) {
  await withOrganization(organizationId, async (tx) => {
    const released = await tx.$queryRaw<{ message_id: string }[]>`
      WITH v AS (
        SELECT * FROM unnest(${unsent.map((u) => u.recipientId)}::uuid[], ${unsent.map((u) => u.messageId)}::uuid[],
                             ${unsent.map((u) => u.reason)}::text[]) AS v(id, message_id, reason)
      )
      UPDATE campaign_recipients r SET status = 'pending', message_id = NULL, claimed_at = NULL, reason = v.reason,
        next_attempt_at = now() + power(2, r.attempts) * ${BACKOFF_BASE_MS} * interval '1 millisecond', updated_at = now()
      FROM v WHERE r.id = v.id AND r.message_id = v.message_id AND r.attempts < ${MAX_ATTEMPTS}
      RETURNING v.message_id`;
    // Never sent: the message row goes with the claim.
    const releasedIds = released.map((r) => r.message_id);
    if (releasedIds.length) await tx.message.deleteMany({ where: { id: { in: releasedIds }, status: "pending" } });
    // Out of attempts: failed with the last reason (its recipient follows).
    for (const send of unsent.filter((u) => !releasedIds.includes(u.messageId)))
      await tx.message.updateMany({
        where: { id: send.messageId, status: "pending" },
        data: { status: "failed", failureReason: send.reason },
      });
  });
}
