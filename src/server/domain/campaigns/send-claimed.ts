import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { logger } from "../../logger";
import { readMediaBytes } from "../../media";
import { whatsappProvider } from "../../whatsapp";
import type { SendFailure } from "../../whatsapp/provider";
import { evolutionServer } from "../instances/evolution-server";
import { RECONCILE_AFTER_MS } from "../messages/deliver-message";
import { outboundMediaType } from "../messages/outbound-media";
import { recordSentMessage } from "../messages/record-sent-message";
import type { ClaimedSend } from "./claim-recipients";

/** Transient failures before a recipient is given up on. */
const MAX_ATTEMPTS = 5;

export type SendOutcome = "sent" | "retry" | "failed" | "unknown";

/**
 * Sends one claimed campaign message and records what happened. Its recipient follows the message
 * (database trigger). A failure that certainly did not send puts the recipient back with a backoff; a
 * refusal fails it with the reason; a failure that may have sent leaves it unknown for reconciliation —
 * never re-sent blindly.
 */
export async function sendClaimed(
  organizationId: string,
  instanceName: string,
  send: ClaimedSend,
): Promise<SendOutcome> {
  const bytes = send.media ? await readMediaBytes(send.media.key) : null;
  if (send.media && !bytes) {
    await withOrganization(organizationId, (tx) =>
      tx.message.update({
        where: { id: send.messageId },
        data: { status: "failed", failureReason: "O anexo da campanha não foi encontrado no armazenamento." },
      }),
    );
    return "failed";
  }
  try {
    const provider = whatsappProvider();
    const sent =
      send.media && bytes
        ? await provider.sendMedia(evolutionServer(), {
            instanceName,
            to: send.chatJid,
            mediaType: outboundMediaType(send.media.mimeType),
            mimeType: send.media.mimeType,
            media: bytes.toString("base64"),
            fileName: send.media.fileName,
            caption: send.body || undefined,
          })
        : await provider.sendText(evolutionServer(), { instanceName, to: send.chatJid, text: send.body });
    await withOrganization(organizationId, (tx) =>
      recordSentMessage(tx, { organizationId, messageId: send.messageId, sent }),
    );
    return "sent";
  } catch (error) {
    const failure: SendFailure = whatsappProvider().sendFailure(error);
    const reason = error instanceof AppError ? error.message : "Falha inesperada ao enviar.";
    logger.warn({ err: error, recipientId: send.recipientId, failure }, "campaign send failed");
    return withOrganization(organizationId, async (tx) => {
      if (failure === "not-sent") {
        const recipient = await tx.campaignRecipient.findUniqueOrThrow({
          where: { id: send.recipientId },
          select: { attempts: true },
        });
        if (recipient.attempts < MAX_ATTEMPTS) {
          // Never sent: the message row goes, the recipient waits its turn again (backoff).
          await tx.campaignRecipient.update({
            where: { id: send.recipientId },
            data: {
              status: "pending",
              messageId: null,
              claimedAt: null,
              reason,
              nextAttemptAt: new Date(Date.now() + 2 ** recipient.attempts * 15_000),
            },
          });
          await tx.message.delete({ where: { id: send.messageId } });
          return "retry";
        }
      }
      if (failure === "maybe-sent") {
        await tx.message.update({ where: { id: send.messageId }, data: { status: "unknown" } });
        await enqueue(
          "messages.reconcile",
          { organizationId, messageId: send.messageId },
          { tx, singletonKey: send.messageId, startAfter: new Date(Date.now() + RECONCILE_AFTER_MS) },
        );
        return "unknown";
      }
      await tx.message.update({ where: { id: send.messageId }, data: { status: "failed", failureReason: reason } });
      return "failed";
    });
  }
}
