import type { MessageStatus } from "../../db/generated/enums";
import type { DeliveryStatus } from "../../whatsapp/provider";

/** Progress of an outbound message. Acks arrive out of order or skip steps: status only moves forward. */
const rank: Record<MessageStatus, number> = {
  received: 0,
  pending: 0,
  sending: 1,
  unknown: 1,
  failed: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  played: 5,
};

export function statusFromDelivery(status: DeliveryStatus): MessageStatus {
  return status === "pending" ? "sent" : status;
}

/**
 * The status after a report. "failed" only stands for a message WhatsApp never accepted; any
 * later ack (a retry went through after all) wins over it; nothing moves an inbound message.
 */
export function advancedStatus(current: MessageStatus, reported: MessageStatus): MessageStatus {
  if (current === "received") return current;
  if (reported === "failed") return rank[current] >= rank.sent ? current : "failed";
  return rank[reported] > rank[current] ? reported : current;
}
