import { withOrganization } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";

/** A claim older than this whose message is still "pending" or "sending" belonged to a worker that died. */
const STALE_AFTER_MS = 2 * 60_000;

/**
 * After a crash between the provider call and its record, a claimed send may or may not have gone
 * out: it becomes unknown and is reconciled from Evolution's events or findMessages — never re-sent.
 * A claim whose message was never taken by the send pipeline (still pending) certainly did not go
 * out: its recipient is released, to be claimed again under the limits of the moment.
 */
export async function recoverStaleClaims(organizationId: string, staleAfterMs = STALE_AFTER_MS): Promise<number> {
  return withOrganization(organizationId, async (tx) => {
    const before = new Date(Date.now() - staleAfterMs);
    const stale = await tx.$queryRaw<{ message_id: string }[]>`
      UPDATE messages m SET status = 'unknown', updated_at = now()
      FROM campaign_recipients r
      WHERE r.message_id = m.id AND r.organization_id = ${organizationId}::uuid AND r.status = 'claimed'
        AND m.status = 'sending' AND r.claimed_at < ${before}
      RETURNING m.id AS message_id`;
    for (const { message_id } of stale)
      await enqueue("messages.reconcile", { organizationId, messageId: message_id }, { tx, singletonKey: message_id });
    const unsent = await tx.$queryRaw<{ message_id: string }[]>`
      WITH s AS (
        SELECT r.id, r.message_id FROM campaign_recipients r JOIN messages m ON m.id = r.message_id
        WHERE r.organization_id = ${organizationId}::uuid AND r.status = 'claimed' AND m.status = 'pending'
          AND r.claimed_at < ${before}
        FOR UPDATE OF r, m SKIP LOCKED
      )
      UPDATE campaign_recipients r SET status = 'pending', message_id = NULL, claimed_at = NULL, updated_at = now()
      FROM s WHERE r.id = s.id
      RETURNING s.message_id`;
    if (unsent.length)
      await tx.message.deleteMany({ where: { id: { in: unsent.map((u) => u.message_id) }, status: "pending" } });
    return stale.length + unsent.length;
  });
}
