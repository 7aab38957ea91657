import type { MessageStatus } from "../../db/generated/enums";
import type { Tx } from "../../db/tenant";
import type { DeliveryStatus } from "../../whatsapp/provider";
import type { IngestBatch } from "./ingest-batch";
import type { MessageChange } from "./message-change";
import { advancedStatus, statusFromDelivery } from "./message-status";

/**
 * Records a delivery report and moves the message forward. The report is kept even when the message
 * is not known yet (the ack overtook the send's record); it is applied when the message gets its id.
 */
export async function applyMessageStatus(
  tx: Tx,
  context: { organizationId: string; instanceId: string },
  report: { providerMessageId: string; status: DeliveryStatus },
  batch: IngestBatch,
): Promise<MessageChange[]> {
  const status = statusFromDelivery(report.status);
  batch.queueReceipt({ providerMessageId: report.providerMessageId, status });
  const read = batch.knownMessage(report.providerMessageId);
  const message =
    read !== undefined
      ? read
      : await tx.message.findFirst({
          where: { instanceId: context.instanceId, providerMessageId: report.providerMessageId },
          select: { id: true, conversationId: true, status: true },
        });
  if (!message) return [];
  const next = advancedStatus(message.status, status);
  if (next === message.status) return [];
  batch.advanceStatus(
    message,
    report.providerMessageId,
    next,
    next === "failed" ? "O WhatsApp recusou a mensagem." : null,
  );
  return [{ conversationId: message.conversationId, messageId: message.id }];
}

/** Applies reports that arrived before the message had its WhatsApp id. */
export async function applyPendingReceipts(
  tx: Tx,
  input: { instanceId: string; messageId: string; providerMessageId: string },
): Promise<void> {
  const receipts = await tx.messageReceipt.findMany({
    where: { instanceId: input.instanceId, providerMessageId: input.providerMessageId },
    select: { status: true },
  });
  if (receipts.length === 0) return;
  const message = await tx.message.findUniqueOrThrow({ where: { id: input.messageId }, select: { status: true } });
  const next = receipts.reduce<MessageStatus>(
    (status, receipt) => advancedStatus(status, receipt.status),
    message.status,
  );
  if (next !== message.status) await tx.message.update({ where: { id: input.messageId }, data: { status: next } });
}
