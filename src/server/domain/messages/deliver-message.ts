import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { logger } from "../../logger";
import { readMediaBytes } from "../../media";
import { whatsappProvider } from "../../whatsapp";
import type { SendFailure, SentMessage } from "../../whatsapp/provider";
import { evolutionServer } from "../instances/evolution-server";
import { emitMessageChanges } from "./emit-message-changes";
import { outboundMediaType } from "./outbound-media";
import { recordSentMessage } from "./record-sent-message";

/** A reply that could not go out (number disconnected, gateway down) for this long is failed, with retry offered. */
const GIVE_UP_AFTER_MS = 10 * 60_000;

/** Time after which an unknown send is first checked against Evolution's records. */
export const RECONCILE_AFTER_MS = 20_000;

/**
 * Sends one pending reply. The claim (pending → sending) commits before the gateway is called, so a
 * crash anywhere after it leaves "sending", which the next attempt turns into "unknown" and hands to
 * reconciliation instead of sending again: a message is never sent twice.
 */
export async function deliverMessage(input: { organizationId: string; messageId: string }): Promise<void> {
  const { organizationId, messageId } = input;
  const claim = await withOrganization(organizationId, async (tx) => {
    const claimed = await tx.message.updateMany({
      where: { id: messageId, organizationId, status: "pending", direction: "outbound" },
      data: { status: "sending", sendClaimedAt: new Date() },
    });
    if (claimed.count === 0) {
      const abandoned = await tx.message.updateMany({
        where: { id: messageId, status: "sending" },
        data: { status: "unknown", failureReason: null },
      });
      if (abandoned.count) await enqueueReconcile(tx, input);
      return null;
    }
    return tx.message.findUniqueOrThrow({
      where: { id: messageId },
      select: {
        id: true,
        conversationId: true,
        type: true,
        body: true,
        mediaKey: true,
        mediaMimeType: true,
        mediaFileName: true,
        quotedProviderMessageId: true,
        createdAt: true,
        conversation: { select: { chatJid: true } },
        instance: { select: { providerName: true, state: true } },
      },
    });
  });
  if (!claim) return;
  await emitMessageChanges(organizationId, [{ conversationId: claim.conversationId, messageId }]);

  if (claim.instance.state !== "open") {
    await settleFailure(input, claim, "not-sent", "O número desta conversa não está conectado ao WhatsApp.");
    return;
  }
  const media = claim.mediaKey ? await readMediaBytes(claim.mediaKey) : null;
  if (claim.mediaKey && !media) {
    await settleFailure(input, claim, "rejected", "O anexo desta mensagem não foi encontrado no armazenamento.");
    return;
  }
  let sent: SentMessage;
  try {
    sent = await send(claim, media);
  } catch (error) {
    logger.warn({ err: error, messageId }, "reply not sent");
    const reason = error instanceof AppError ? error.message : "Falha inesperada ao enviar.";
    await settleFailure(input, claim, whatsappProvider().sendFailure(error), reason);
    return;
  }
  await withOrganization(organizationId, (tx) => recordSentMessage(tx, { organizationId, messageId, sent }));
  await emitMessageChanges(organizationId, [{ conversationId: claim.conversationId, messageId }]);
}

type Claim = {
  type: string;
  body: string | null;
  mediaKey: string | null;
  mediaMimeType: string | null;
  mediaFileName: string | null;
  quotedProviderMessageId: string | null;
  conversation: { chatJid: string };
  instance: { providerName: string };
};

async function send(claim: Claim, media: Buffer | null): Promise<SentMessage> {
  const provider = whatsappProvider();
  const target = { instanceName: claim.instance.providerName, to: claim.conversation.chatJid };
  if (!media)
    return provider.sendText(evolutionServer(), {
      ...target,
      text: claim.body ?? "",
      quotedMessageId: claim.quotedProviderMessageId ?? undefined,
    });
  const mimeType = claim.mediaMimeType ?? "application/octet-stream";
  return provider.sendMedia(evolutionServer(), {
    ...target,
    mediaType: outboundMediaType(mimeType),
    mimeType,
    media: media.toString("base64"),
    fileName: claim.mediaFileName ?? undefined,
    caption: claim.body ?? undefined,
  });
}

/**
 * What a failed call means: certainly not sent (back to pending, the job retries), refused for good
 * (failed, with the reason shown next to a retry button), or perhaps sent (unknown, reconciled).
 */
async function settleFailure(
  input: { organizationId: string; messageId: string },
  claim: { conversationId: string; createdAt: Date },
  failure: SendFailure,
  reason: string,
) {
  const outcome =
    failure === "not-sent" && Date.now() - claim.createdAt.getTime() > GIVE_UP_AFTER_MS ? "rejected" : failure;
  await withOrganization(input.organizationId, async (tx) => {
    if (outcome === "not-sent") {
      await tx.message.updateMany({
        where: { id: input.messageId, status: "sending" },
        data: { status: "pending", failureReason: reason },
      });
    } else if (outcome === "rejected") {
      await tx.message.updateMany({
        where: { id: input.messageId, status: "sending" },
        data: { status: "failed", failureReason: reason },
      });
    } else {
      await tx.message.updateMany({
        where: { id: input.messageId, status: "sending" },
        data: { status: "unknown", failureReason: null },
      });
      await enqueueReconcile(tx, input);
    }
  });
  await emitMessageChanges(input.organizationId, [
    { conversationId: claim.conversationId, messageId: input.messageId },
  ]);
  // Thrown so pg-boss retries the job later; the message is pending again, so the retry sends it.
  if (outcome === "not-sent") throw new AppError("UPSTREAM_UNAVAILABLE", reason);
}

async function enqueueReconcile(tx: Tx, input: { organizationId: string; messageId: string }) {
  await enqueue("messages.reconcile", input, {
    tx,
    singletonKey: input.messageId,
    startAfter: new Date(Date.now() + RECONCILE_AFTER_MS),
  });
}
