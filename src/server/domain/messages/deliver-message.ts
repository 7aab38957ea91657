import { withOrganization, type Tx } from "../../db/tenant";
import type { ErrorReason } from "../../../shared/error-reasons";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { logger } from "../../logger";
import { readMediaBytes } from "../../media";
import { inLanes } from "../../../shared/in-lanes";
import { whatsappProviderFor } from "../../whatsapp";
import type { SendFailure, SentMessage, WhatsAppProvider } from "../../whatsapp/provider";
import { metrics } from "../../observability/metrics";
import { emitMessageChanges } from "./emit-message-changes";
import { outboundMediaType } from "./outbound-media";
import { recordSentMessages, type SentRecord } from "./record-sent-message";

/** A message that could not go out (number disconnected, gateway down) for this long is failed, with retry offered. */
const GIVE_UP_AFTER_MS = 10 * 60_000;

/** Time after which an unknown send is first checked against Evolution's records. */
export const RECONCILE_AFTER_MS = 20_000;

/**
 * What became of one message: sent; not-sent (certainly not, back to pending for the caller's retry
 * policy); rejected (failed, with the reason); maybe-sent (unknown, reconciliation scheduled); or
 * skipped (it was not pending: already handled, or abandoned mid-send and now reconciled).
 */
/** `reason` is an error reason code (stored as the message's failure reason; the UI words it). */
export type DeliveryOutcome =
  { outcome: "sent" } | { outcome: SendFailure; reason: ErrorReason } | { outcome: "skipped" };

interface DeliveryOptions {
  /** Sends in flight at once (a campaign batch of one number sends concurrently). */
  concurrency?: number;
  /** Tell browsers about each message (replies); campaign batches announce the campaign instead. */
  notify?: boolean;
}

/**
 * The one send pipeline, for replies and campaign messages alike. The claim (pending → sending)
 * commits before the gateway is called, so a crash anywhere after it leaves "sending", which the next
 * attempt turns into "unknown" and hands to reconciliation instead of sending again: a message is
 * never sent twice. Every provider call, failure classification and reconciliation goes through here.
 */
export async function deliverMessages(
  organizationId: string,
  messageIds: string[],
  options: DeliveryOptions = {},
): Promise<Map<string, DeliveryOutcome>> {
  const outcomes = new Map<string, DeliveryOutcome>(messageIds.map((id) => [id, { outcome: "skipped" }]));
  const claims = await claimMessages(organizationId, messageIds);
  if (claims.length === 0) return outcomes;
  if (options.notify) await emitMessageChanges(organizationId, claims.map(changeOf));

  const results = await inLanes(
    claims.map((claim) => () => attempt(claim)),
    options.concurrency ?? 1,
  );
  const sent: SentRecord[] = [];
  const failures: { claim: Claim; failure: SendFailure; reason: ErrorReason }[] = [];
  results.forEach((result, index) => {
    const claim = claims[index]!;
    if ("sent" in result) sent.push({ messageId: claim.id, sent: result.sent });
    else {
      // Not sent for too long: give up, so a person sees it failed and can retry.
      const failure =
        result.failure === "not-sent" && Date.now() - new Date(claim.createdAt).getTime() > GIVE_UP_AFTER_MS
          ? "rejected"
          : result.failure;
      failures.push({ claim, failure, reason: result.reason });
    }
  });

  await withOrganization(organizationId, async (tx) => {
    await recordSentMessages(tx, sent);
    for (const { claim, failure, reason } of failures)
      await settleFailure(tx, organizationId, claim.id, failure, reason);
  });
  countSends(claims, sent, failures);
  for (const record of sent) outcomes.set(record.messageId, { outcome: "sent" });
  for (const { claim, failure, reason } of failures) outcomes.set(claim.id, { outcome: failure, reason });
  if (options.notify) await emitMessageChanges(organizationId, claims.map(changeOf));
  return outcomes;
}

/** Sends one pending reply (the `messages.send` job); a send that certainly did not happen is retried by the job. */
export async function deliverMessage(input: { organizationId: string; messageId: string }): Promise<void> {
  const result = (await deliverMessages(input.organizationId, [input.messageId], { notify: true })).get(
    input.messageId,
  );
  // Thrown so pg-boss retries the job later; the message is pending again, so the retry sends it.
  if (result?.outcome === "not-sent") throw new AppError("UPSTREAM_UNAVAILABLE", result.reason);
}

type Claim = {
  id: string;
  conversationId: string;
  body: string | null;
  mediaKey: string | null;
  mediaMimeType: string | null;
  mediaFileName: string | null;
  quotedProviderMessageId: string | null;
  createdAt: Date;
  instanceId: string;
  chatAddress: string;
  provider: string;
  providerName: string;
  instanceState: string;
};

/** Per-number send counters, after the outcome is committed. */
function countSends(claims: Claim[], sent: SentRecord[], failures: { claim: Claim; failure: SendFailure }[]) {
  const instanceOf = new Map(claims.map((claim) => [claim.id, claim.instanceId]));
  for (const record of sent) {
    const instance_id = instanceOf.get(record.messageId) ?? "";
    metrics().sends.inc({ instance_id, outcome: "sent" });
    metrics().messages.inc({ instance_id, direction: "outbound" });
  }
  for (const { claim, failure } of failures) {
    metrics().sends.inc({ instance_id: claim.instanceId, outcome: failure });
    metrics().sendFailures.inc({ instance_id: claim.instanceId });
  }
}

const changeOf = (claim: Claim) => ({ conversationId: claim.conversationId, messageId: claim.id });

/** pending → sending, committed; a message found still "sending" was abandoned mid-send: unknown, reconciled. */
async function claimMessages(organizationId: string, messageIds: string[]): Promise<Claim[]> {
  return withOrganization(organizationId, async (tx) => {
    // One statement for the batch: the claim and what the send needs.
    const claimed = await tx.$queryRaw<Claim[]>`
      WITH claimed AS (
        UPDATE messages SET status = 'sending', send_claimed_at = now(), updated_at = now()
        WHERE id = ANY(${messageIds}::uuid[]) AND organization_id = ${organizationId}::uuid
          AND status = 'pending' AND direction = 'outbound'
        RETURNING id, conversation_id, instance_id, body, media_key, media_mime_type, media_file_name,
          quoted_provider_message_id, created_at
      )
      SELECT m.id, m.conversation_id AS "conversationId", m.body, m.media_key AS "mediaKey",
        m.media_mime_type AS "mediaMimeType", m.media_file_name AS "mediaFileName",
        m.quoted_provider_message_id AS "quotedProviderMessageId", m.created_at AS "createdAt", m.instance_id AS "instanceId",
        c.chat_address AS "chatAddress", i.provider AS "provider", i.provider_name AS "providerName", i.state::text AS "instanceState"
      FROM claimed m JOIN conversations c ON c.id = m.conversation_id JOIN instances i ON i.id = m.instance_id`;
    const claimedIds = new Set(claimed.map((m) => m.id));
    const others = messageIds.filter((id) => !claimedIds.has(id));
    if (others.length) {
      const abandoned = await tx.message.updateManyAndReturn({
        where: { id: { in: others }, organizationId, status: "sending" },
        data: { status: "unknown", failureReason: null },
        select: { id: true },
      });
      for (const { id } of abandoned) await enqueueReconcile(tx, { organizationId, messageId: id });
    }
    const order = new Map(messageIds.map((id, index) => [id, index]));
    return claimed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });
}

type Attempt = { sent: SentMessage } | { failure: SendFailure; reason: ErrorReason };

async function attempt(claim: Claim): Promise<Attempt> {
  if (claim.instanceState !== "open") return { failure: "not-sent", reason: "conversationInstanceDisconnected" };
  let media: Buffer | null;
  try {
    media = claim.mediaKey ? await readMediaBytes(claim.mediaKey) : null;
  } catch (error) {
    // The storage failed before the gateway was called: certainly not sent.
    logger.warn({ err: error, messageId: claim.id }, "attachment not readable");
    return { failure: "not-sent", reason: "attachmentUnreadable" };
  }
  if (claim.mediaKey && !media) return { failure: "rejected", reason: "attachmentMissing" };
  let provider: WhatsAppProvider;
  try {
    provider = whatsappProviderFor(claim);
  } catch (error) {
    // This process cannot reach the instance's provider: certainly not sent.
    logger.warn({ err: error, messageId: claim.id }, "provider not available");
    return { failure: "not-sent", reason: "whatsappProviderUnavailable" };
  }
  try {
    return { sent: await send(provider, claim, media) };
  } catch (error) {
    const failure = provider.sendFailure(error);
    logger.warn({ err: error, messageId: claim.id, failure }, "message not sent");
    return { failure, reason: error instanceof AppError ? error.reason : "sendFailedUnexpectedly" };
  }
}

async function send(provider: WhatsAppProvider, claim: Claim, media: Buffer | null): Promise<SentMessage> {
  const target = { instanceName: claim.providerName, to: claim.chatAddress };
  if (!media)
    return provider.sendText({
      ...target,
      text: claim.body ?? "",
      quotedMessageId: claim.quotedProviderMessageId ?? undefined,
    });
  const mimeType = claim.mediaMimeType ?? "application/octet-stream";
  return provider.sendMedia({
    ...target,
    mediaType: outboundMediaType(mimeType),
    mimeType,
    media: media.toString("base64"),
    fileName: claim.mediaFileName ?? undefined,
    caption: claim.body ?? undefined,
  });
}

/**
 * What a failed call means: certainly not sent (back to pending), refused for good (failed, with the
 * reason shown next to a retry button), or perhaps sent (unknown, reconciled).
 */
async function settleFailure(
  tx: Tx,
  organizationId: string,
  messageId: string,
  failure: SendFailure,
  reason: ErrorReason,
) {
  const where = { id: messageId, status: "sending" as const };
  if (failure === "not-sent")
    await tx.message.updateMany({ where, data: { status: "pending", failureReason: reason } });
  else if (failure === "rejected")
    await tx.message.updateMany({ where, data: { status: "failed", failureReason: reason } });
  else {
    const unknown = await tx.message.updateMany({ where, data: { status: "unknown", failureReason: null } });
    if (unknown.count) await enqueueReconcile(tx, { organizationId, messageId });
  }
}

async function enqueueReconcile(tx: Tx, input: { organizationId: string; messageId: string }) {
  await enqueue("messages.reconcile", input, {
    tx,
    singletonKey: input.messageId,
    startAfter: new Date(Date.now() + RECONCILE_AFTER_MS),
  });
}
