import type { MessageStatus } from "../../db/generated/enums";
import type { Tx } from "../../db/tenant";
import { StaleBatchError } from "./pending-messages";

export interface ReceiptRow {
  providerMessageId: string;
  status: MessageStatus;
}

export interface StatusChange {
  messageId: string;
  /** The status the batch read: the update applies only if nobody moved it since. */
  from: MessageStatus;
  to: MessageStatus;
  failureReason: string | null;
}

/** Keeps a batch's delivery reports (applied later to messages that have no WhatsApp id yet), in one statement. */
export async function insertReceipts(
  tx: Tx,
  context: { organizationId: string; instanceId: string },
  receipts: ReceiptRow[],
): Promise<void> {
  if (!receipts.length) return;
  await tx.$executeRaw`
    INSERT INTO message_receipts (organization_id, instance_id, provider_message_id, status, received_at)
    SELECT ${context.organizationId}::uuid, ${context.instanceId}::uuid, r.provider_message_id, r.status::"MessageStatus", now()
    FROM unnest(${receipts.map((r) => r.providerMessageId)}::text[], ${receipts.map((r) => r.status)}::text[])
      AS r(provider_message_id, status)
    ON CONFLICT DO NOTHING`;
}

/**
 * Moves a batch's messages to their new statuses in one statement. Each change names the status it was
 * computed from; a message someone else moved meanwhile makes the batch stale, so it is applied again.
 */
export async function updateStatuses(tx: Tx, changes: StatusChange[]): Promise<void> {
  if (!changes.length) return;
  const updated = await tx.$executeRaw`
    UPDATE messages AS m SET status = c.next::"MessageStatus", failure_reason = c.reason, updated_at = now()
    FROM unnest(${changes.map((c) => c.messageId)}::uuid[], ${changes.map((c) => c.from)}::text[],
                ${changes.map((c) => c.to)}::text[], ${changes.map((c) => c.failureReason)}::text[])
      AS c(id, previous, next, reason)
    WHERE m.id = c.id AND m.status = c.previous::"MessageStatus"`;
  if (updated !== changes.length) throw new StaleBatchError(changes.length, updated);
}
