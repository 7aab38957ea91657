import type { MessageStatus } from "../../db/generated/enums";
import type { Tx } from "../../db/tenant";
import { isPhoneAddress, type SentMessage } from "../../whatsapp/provider";
import { recordSentMessageEvents } from "../analytics/record-sent-message-events";
import { applyPendingReceipts } from "./apply-message-status";
import { advancedStatus, statusFromDelivery } from "./message-status";

export interface SentRecord {
  messageId: string;
  sent: Pick<SentMessage, "providerMessageId" | "status" | "timestamp" | "chat">;
}

/**
 * Records WhatsApp's ids for sends that went out (from the sends' answers or found by reconciliation),
 * set-based so a campaign batch costs a few statements. When the gateway's echo got in first as a
 * separate row, that row gives way to the send.
 */
export async function recordSentMessages(tx: Tx, records: SentRecord[]): Promise<void> {
  if (records.length === 0) return;
  const messages = await tx.$queryRaw<
    { id: string; instanceId: string; conversationId: string; status: MessageStatus }[]
  >`
    SELECT id, instance_id AS "instanceId", conversation_id AS "conversationId", status
    FROM messages WHERE id = ANY(${records.map((r) => r.messageId)}::uuid[])`;
  const byId = new Map(messages.map((m) => [m.id, m]));
  const rows = records.flatMap((record) => {
    const message = byId.get(record.messageId);
    return message ? [{ ...record, message }] : [];
  });
  const ids = rows.map((r) => r.messageId);
  const instanceIds = rows.map((r) => r.message.instanceId);
  const providerIds = rows.map((r) => r.sent.providerMessageId);
  await tx.$executeRaw`
    DELETE FROM messages m USING unnest(${instanceIds}::uuid[], ${providerIds}::text[], ${ids}::uuid[]) AS v(instance_id, provider_id, id)
    WHERE m.instance_id = v.instance_id AND m.provider_message_id = v.provider_id AND m.id <> v.id`;
  const statuses = rows.map((r) => advancedStatus(r.message.status, statusFromDelivery(r.sent.status)));
  const times = rows.map((r) => r.sent.timestamp.toISOString());
  await tx.$executeRaw`
    UPDATE messages m SET provider_message_id = v.provider_id, status = v.status::"MessageStatus",
      failure_reason = NULL, sent_at = v.sent_at, updated_at = now()
    FROM unnest(${ids}::uuid[], ${providerIds}::text[], ${statuses}::text[], ${times}::timestamptz[]) AS v(id, provider_id, status, sent_at)
    WHERE m.id = v.id`;
  await recordSentMessageEvents(tx, ids);
  // Acks that overtook the send's record (rare): applied one by one.
  const receipts = await tx.$queryRaw<{ instanceId: string; providerMessageId: string }[]>`
    SELECT DISTINCT r.instance_id AS "instanceId", r.provider_message_id AS "providerMessageId"
    FROM message_receipts r
    JOIN unnest(${instanceIds}::uuid[], ${providerIds}::text[]) AS v(instance_id, provider_id)
      ON r.instance_id = v.instance_id AND r.provider_message_id = v.provider_id`;
  for (const receipt of receipts) {
    const row = rows.find(
      (r) => r.sent.providerMessageId === receipt.providerMessageId && r.message.instanceId === receipt.instanceId,
    );
    if (row)
      await applyPendingReceipts(tx, {
        instanceId: row.message.instanceId,
        messageId: row.messageId,
        providerMessageId: row.sent.providerMessageId,
      });
  }
  // WhatsApp's canonical number (e.g. without Brazil's 9th digit for legacy accounts) is where replies go.
  const canonical = rows.filter((r) => isPhoneAddress(r.sent.chat));
  if (canonical.length)
    await tx.$executeRaw`
      UPDATE conversations c SET chat_address = v.chat_address, updated_at = now()
      FROM unnest(${canonical.map((r) => r.message.conversationId)}::uuid[], ${canonical.map((r) => r.sent.chat)}::text[]) AS v(id, chat_address)
      WHERE c.id = v.id AND c.chat_address <> v.chat_address`;
}

/** One send's record (reconciliation). */
export async function recordSentMessage(tx: Tx, input: SentRecord): Promise<void> {
  await recordSentMessages(tx, [input]);
}
