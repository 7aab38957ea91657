import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { whatsappProviderFor } from "../../whatsapp";
import { emitMessageChanges } from "./emit-message-changes";
import { recordSentMessage } from "./record-sent-message";

/** Evolution records a send within moments; a send it has not recorded after this long did not happen. */
const NOT_SENT_AFTER_MS = 10 * 60_000;
/** Clock slack between Mirage and the gateway when matching a record to the claim time. */
const CLOCK_SLACK_MS = 5_000;

/**
 * Settles a reply whose send may or may not have happened: looks for it in the provider's records of the
 * chat (own messages since the claim, not yet known to Mirage). Found → sent, with its id. Not found
 * long after the claim → failed with an explanation, for a person to retry: never re-sent on a guess.
 * Still too early → throws, and the job tries again later. The send's echo (`message.received` with
 * origin "send") or a `message.status` event settle it too, whichever comes first.
 */
export async function reconcileMessage(input: { organizationId: string; messageId: string }): Promise<void> {
  const { organizationId, messageId } = input;
  const message = await withOrganization(organizationId, (tx) =>
    tx.message.findFirst({
      where: { id: messageId, organizationId },
      select: {
        id: true,
        status: true,
        instanceId: true,
        conversationId: true,
        sendClaimedAt: true,
        conversation: { select: { chatAddress: true } },
        instance: { select: { provider: true, providerName: true } },
      },
    }),
  );
  if (!message || message.status !== "unknown") return;
  const claimedAt = message.sendClaimedAt ?? new Date(0);

  const records = await whatsappProviderFor(message.instance).findMessages(message.instance.providerName, {
    chat: message.conversation.chatAddress,
    pageSize: 50,
  });
  const candidates = records
    .filter((record) => record.fromMe && record.timestamp.getTime() >= claimedAt.getTime() - CLOCK_SLACK_MS)
    .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());

  const settled = await withOrganization(organizationId, async (tx) => {
    const current = await tx.message.findUnique({ where: { id: messageId }, select: { status: true } });
    if (current?.status !== "unknown") return false;
    const known = new Set(
      (
        await tx.message.findMany({
          where: {
            instanceId: message.instanceId,
            providerMessageId: { in: candidates.map((c) => c.providerMessageId) },
          },
          select: { providerMessageId: true },
        })
      ).map((m) => m.providerMessageId),
    );
    const match = candidates.find((candidate) => !known.has(candidate.providerMessageId));
    if (match) {
      await recordSentMessage(tx, {
        messageId,
        sent: {
          providerMessageId: match.providerMessageId,
          status: match.status ?? "sent",
          timestamp: match.timestamp,
          chat: match.chat,
        },
      });
      return true;
    }
    if (Date.now() - claimedAt.getTime() < NOT_SENT_AFTER_MS) return false;
    await tx.message.update({
      where: { id: messageId },
      data: {
        status: "failed",
        failureReason: "sendNotConfirmed",
      },
    });
    return true;
  });
  if (settled) {
    await emitMessageChanges(organizationId, [{ conversationId: message.conversationId, messageId }]);
    return;
  }
  throw new AppError("CONFLICT", "sendUnconfirmed");
}
