import { uuid7 } from "../../db/uuid7";
import type { Tx } from "../../db/tenant";
import type { ProviderMessage } from "../../whatsapp/provider";
import { identityOf, resolveContact } from "../contacts/resolve-contact";
import { ensureConversation } from "../conversations/ensure-conversation";
import { applyPendingReceipts } from "./apply-message-status";
import { previewOf, storedContent } from "./message-content";
import type { MessageChange } from "./message-change";
import { advancedStatus, statusFromDelivery } from "./message-status";
import { attachIncomingMedia } from "./store-message-media";
import { metrics } from "../../observability/metrics";
import { applyConsentKeywords } from "../consent/apply-consent-keywords";
import type { IngestBatch } from "./ingest-batch";

interface IngestContext {
  organizationId: string;
  instanceId: string;
}

/**
 * Records a message from a webhook: received, typed on the phone, or the echo of a send. Idempotent
 * on (instance, WhatsApp id). The echo of one of our replies (its HTTP answer lost or not recorded
 * yet) is matched to the reply instead of becoming a second message.
 */
export async function ingestMessage(
  tx: Tx,
  context: IngestContext,
  message: ProviderMessage,
  batch: IngestBatch,
): Promise<MessageChange[]> {
  const { organizationId, instanceId } = context;
  const reported = message.fromMe && message.status ? statusFromDelivery(message.status) : null;

  const read = batch.knownMessage(message.providerMessageId);
  const known =
    read !== undefined
      ? read
      : await tx.message.findFirst({
          where: { instanceId, providerMessageId: message.providerMessageId },
          select: { id: true, conversationId: true, status: true },
        });
  if (known) {
    if (!reported) return [];
    const status = advancedStatus(known.status, reported);
    if (status === known.status) return [];
    batch.advanceStatus(known, message.providerMessageId, status, null);
    return [{ conversationId: known.conversationId, messageId: known.id }];
  }

  const conversation = await ensureConversation(
    tx,
    {
      organizationId,
      instanceId,
      chat: message.chat,
      contactName: message.fromMe || message.chat.kind === "group" ? null : (message.sender?.name ?? null),
      activityAt: message.timestamp,
    },
    batch,
  );
  const content = storedContent(message.content);

  if (message.fromMe) {
    const reply = await matchAwaitingReply(tx, conversation.conversationId, content.type, content.body);
    if (reply) {
      await tx.message.update({
        where: { id: reply.id },
        data: {
          providerMessageId: message.providerMessageId,
          status: advancedStatus(reply.status, reported ?? "sent"),
          failureReason: null,
          sentAt: message.timestamp,
        },
      });
      await batch.writePending(tx); // reports of this batch that overtook the echo
      await applyPendingReceipts(tx, { instanceId, messageId: reply.id, providerMessageId: message.providerMessageId });
      // Pending receipts may have moved it further: the batch no longer vouches for its status.
      batch.forgetMessage(message.providerMessageId);
      return [{ conversationId: conversation.conversationId, messageId: reply.id }];
    }
  }

  const sender =
    message.chat.kind === "group" && message.sender && !message.fromMe
      ? await resolveContact(tx, organizationId, identityOf(message.sender), message.sender.name, batch.contacts)
      : null;
  const inbound = !message.fromMe;
  const messageId = uuid7();
  const status = inbound ? "received" : (reported ?? "sent");
  batch.queueMessage(
    {
      id: messageId,
      conversationId: conversation.conversationId,
      providerMessageId: message.providerMessageId,
      direction: inbound ? "inbound" : "outbound",
      type: content.type,
      body: content.body,
      status,
      senderContactId: sender?.id ?? (inbound ? conversation.contactId : null),
      senderName: message.sender?.name ?? null,
      sentAt: message.timestamp,
      quotedProviderMessageId: message.quotedProviderMessageId,
      details: content.details === undefined ? null : JSON.stringify(content.details),
      mediaMimeType: content.media?.mimeType ?? null,
      mediaFileName: content.media?.fileName ?? null,
      mediaSize: content.media?.size ?? null,
      mediaStatus: content.media ? "pending" : null,
    },
    async () => {
      // Reports that overtook our own message, and the attachment, need the row.
      if (!inbound) {
        await applyPendingReceipts(tx, { instanceId, messageId, providerMessageId: message.providerMessageId });
        batch.forgetMessage(message.providerMessageId);
      }
      if (content.media) await attachIncomingMedia(tx, { organizationId, messageId, media: content.media });
    },
  );
  batch.rememberMessage(message.providerMessageId, {
    id: messageId,
    conversationId: conversation.conversationId,
    status,
  });

  batch.recordActivity({
    conversationId: conversation.conversationId,
    contactId: conversation.contactId,
    at: message.timestamp,
    preview: previewOf(content.type, content.body, content.media?.fileName),
    inbound,
  });
  const changes: MessageChange[] = [{ conversationId: conversation.conversationId, messageId }];
  // Counted when applied: a batch rolled back after a lost deadlock and applied again counts twice (rare).
  if (inbound) metrics().messages.inc({ instance_id: instanceId, direction: "inbound" });
  if (inbound && conversation.contactId) {
    const campaignIds = await attributeReply(tx, batch, {
      contactId: conversation.contactId,
      instanceId,
      at: message.timestamp,
    });
    if (campaignIds.length) changes[0]!.campaignIds = campaignIds;
    if (content.type === "text" && content.body) {
      batch.noteInboundText(messageId);
      changes.push(
        ...(await applyConsentKeywords(
          tx,
          {
            organizationId,
            instanceId,
            conversationId: conversation.conversationId,
            contactId: conversation.contactId,
            text: content.body,
          },
          batch,
        )),
      );
    }
  }
  return changes;
}

/** A customer writing back after a campaign message counts as a reply to that campaign (within a week). */
async function attributeReply(
  tx: Tx,
  batch: IngestBatch,
  input: { contactId: string; instanceId: string; at: Date },
): Promise<string[]> {
  // Most batches come to numbers with no campaign sent this week: one look per batch spares a write per message.
  const campaignsThisWeek = await batch.once("campaign-sends-this-week", async () => {
    const [row] = await tx.$queryRaw<{ any: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM campaign_recipients WHERE instance_id = ${input.instanceId}::uuid
        AND status IN ('sent', 'delivered', 'read') AND sent_at > now() - interval '8 days') AS any`;
    return row?.any ?? true;
  });
  if (!campaignsThisWeek) return [];
  const rows = await tx.$queryRaw<{ campaign_id: string }[]>`
    UPDATE campaign_recipients SET status = 'replied', replied_at = ${input.at}, updated_at = now()
    WHERE contact_id = ${input.contactId}::uuid AND instance_id = ${input.instanceId}::uuid
      AND status IN ('sent', 'delivered', 'read') AND sent_at > ${input.at}::timestamptz - interval '7 days'
      AND sent_at <= ${input.at}::timestamptz + interval '5 seconds'
    RETURNING campaign_id`;
  return rows.map((row) => row.campaign_id);
}

/** A reply of ours still waiting for its WhatsApp id, with the same content, claimed in the last hour. */
async function matchAwaitingReply(tx: Tx, conversationId: string, type: string, body: string | null) {
  return tx.message.findFirst({
    where: {
      conversationId,
      direction: "outbound",
      providerMessageId: null,
      status: { in: ["sending", "unknown"] },
      type: type as never,
      body,
      sendClaimedAt: { gte: new Date(Date.now() - 60 * 60_000) },
    },
    orderBy: { sendClaimedAt: "asc" },
    select: { id: true, status: true },
  });
}
