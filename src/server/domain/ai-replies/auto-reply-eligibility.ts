import type { Tx } from "../../db/tenant";
import { withinBusinessHours } from "./business-hours";

/**
 * What the bot needs to know about one inbound message, or null when it must stay silent: automatic
 * replies off for the number, a group, a contact who opted out or is marked "sem IA", the bot paused in
 * the conversation, business hours or an assignee by the number's mode, a newer message waiting, or the
 * message already handled.
 */
export async function autoReplyCandidate(tx: Tx, organizationId: string, messageId: string, now: Date) {
  const message = await tx.message.findFirst({
    where: { id: messageId, organizationId, direction: "inbound", type: "text", body: { not: null } },
    select: {
      id: true,
      body: true,
      sentAt: true,
      conversation: {
        select: {
          id: true,
          instanceId: true,
          kind: true,
          assigneeId: true,
          botPausedAt: true,
          contact: { select: { id: true, aiOptOut: true, consentStatus: true } },
          instance: { select: { dailySendLimit: true, autoReplySettings: true } },
        },
      },
    },
  });
  const conversation = message?.conversation;
  const settings = conversation?.instance.autoReplySettings;
  if (!message || !conversation || !settings?.enabled) return null;
  const contact = conversation.contact;
  if (conversation.kind !== "direct" || !contact || contact.aiOptOut || contact.consentStatus === "opted_out")
    return null;
  if (conversation.botPausedAt) return null;
  if (settings.mode === "unassigned" && conversation.assigneeId) return null;
  if (settings.mode === "outside_business_hours") {
    const { timezone } = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { timezone: true },
    });
    if (withinBusinessHours(now, timezone, settings)) return null;
  }
  const [handled, newer] = await Promise.all([
    tx.aiAutoReply.findUnique({ where: { triggerMessageId: message.id }, select: { id: true } }),
    tx.message.findFirst({
      where: { conversationId: conversation.id, direction: "inbound", sentAt: { gt: message.sentAt } },
      select: { id: true },
    }),
  ]);
  if (handled || newer) return null;
  const repliesSoFar = await tx.aiAutoReply.count({
    where: { conversationId: conversation.id, status: { in: ["sent", "approved", "draft"] } },
  });
  return {
    messageId: message.id,
    text: message.body!,
    conversationId: conversation.id,
    contactId: contact.id,
    instanceId: conversation.instanceId,
    dailySendLimit: conversation.instance.dailySendLimit,
    settings,
    repliesSoFar,
  };
}

export type AutoReplyCandidate = NonNullable<Awaited<ReturnType<typeof autoReplyCandidate>>>;
