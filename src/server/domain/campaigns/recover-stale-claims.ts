import { withOrganization } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";

/** A claim older than this whose message is still "sending" belonged to a worker that died mid-send. */
const STALE_AFTER_MS = 2 * 60_000;

/**
 * After a crash between the provider call and its record, a claimed send may or may not have gone
 * out: it becomes unknown and is reconciled from Evolution's events or findMessages — never re-sent.
 */
export async function recoverStaleClaims(organizationId: string, staleAfterMs = STALE_AFTER_MS): Promise<number> {
  return withOrganization(organizationId, async (tx) => {
    const stale = await tx.$queryRaw<{ message_id: string }[]>`
      UPDATE messages m SET status = 'unknown', updated_at = now()
      FROM campaign_recipients r
      WHERE r.message_id = m.id AND r.organization_id = ${organizationId}::uuid AND r.status = 'claimed'
        AND m.status = 'sending' AND r.claimed_at < ${new Date(Date.now() - staleAfterMs)}
      RETURNING m.id AS message_id`;
    for (const { message_id } of stale)
      await enqueue("messages.reconcile", { organizationId, messageId: message_id }, { tx, singletonKey: message_id });
    return stale.length;
  });
}
