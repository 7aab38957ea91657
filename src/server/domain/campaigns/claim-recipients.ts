import type { Tx } from "../../db/tenant";
import { ensureConversation } from "../conversations/ensure-conversation";
import { previewOf } from "../messages/message-content";
import { outboundMediaType } from "../messages/outbound-media";
import type { CampaignLimits, CampaignVariant } from "./campaign-dto";
import { renderTemplate } from "./message-template";
import { exclusionFor } from "./recipient-eligibility";

export interface ClaimedSend {
  recipientId: string;
  messageId: string;
  conversationId: string;
  chatJid: string;
  body: string;
  media: CampaignVariant["media"];
}

export interface ClaimContext {
  organizationId: string;
  campaign: {
    id: string;
    legalBasis: "consent" | "legitimate_interest" | "contract" | "legal_obligation";
    requireOptIn: boolean;
    limits: CampaignLimits;
    variants: CampaignVariant[];
  };
  instance: { id: string; dailySendLimit: number };
  now: Date;
  /** Most sends claimed at once (pacing permitting). */
  max: number;
}

export type ClaimResult = { sends: ClaimedSend[]; waitUntil: Date | null };

/**
 * Claims the next sends of a campaign on one number, inside one transaction serialised per number
 * (advisory lock): limits per minute, hour and day (across every campaign of the number) and its
 * pacing are checked against what was claimed, and consent is checked again, so no worker, however
 * many run, can exceed a limit or message someone who opted out after the launch.
 */
export async function claimRecipients(tx: Tx, context: ClaimContext): Promise<ClaimResult> {
  const { campaign, instance, now } = context;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mirage:send:${instance.id}`}))`;

  const pacing = await tx.instanceSendPacing.findUnique({ where: { instanceId: instance.id } });
  if (pacing && pacing.nextSendAt > now) return { sends: [], waitUntil: pacing.nextSendAt };

  const [usage] = await tx.$queryRaw<{ minute: bigint; hour: bigint; day: bigint; oldest_minute: Date | null }[]>`
    SELECT count(*) FILTER (WHERE claimed_at > ${new Date(now.getTime() - 60_000)}) AS minute,
           count(*) FILTER (WHERE claimed_at > ${new Date(now.getTime() - 3_600_000)}) AS hour,
           count(*) AS day,
           min(claimed_at) FILTER (WHERE claimed_at > ${new Date(now.getTime() - 60_000)}) AS oldest_minute
    FROM campaign_recipients
    WHERE instance_id = ${instance.id}::uuid AND claimed_at > ${new Date(now.getTime() - 86_400_000)}`;
  const { limits } = campaign;
  const room = Math.min(
    limits.perMinute - Number(usage!.minute),
    limits.perHour - Number(usage!.hour),
    Math.min(limits.perDay, instance.dailySendLimit) - Number(usage!.day),
    limits.minIntervalSeconds > 0 ? 1 : context.max,
  );
  if (room <= 0) {
    const retryAt =
      Number(usage!.minute) >= limits.perMinute && usage!.oldest_minute
        ? new Date(usage!.oldest_minute.getTime() + 60_000)
        : new Date(now.getTime() + 30_000);
    return { sends: [], waitUntil: retryAt };
  }

  const candidates = await tx.$queryRaw<
    {
      id: string;
      contact_id: string;
      variant: number;
      name: string | null;
      push_name: string | null;
      phone_e164: string | null;
      lid: string | null;
      consent_status: "opted_in" | "opted_out" | "unknown";
      blocked_at: Date | null;
      custom_fields: Record<string, unknown>;
    }[]
  >`
    SELECT r.id, r.contact_id, r.variant, c.name, c.push_name, c.phone_e164, c.lid, c.consent_status, c.blocked_at, c.custom_fields
    FROM campaign_recipients r JOIN contacts c ON c.id = r.contact_id
    WHERE r.campaign_id = ${campaign.id}::uuid AND r.status = 'pending'
      AND (r.instance_id IS NULL OR r.instance_id = ${instance.id}::uuid)
      AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= ${now})
    ORDER BY r.created_at, r.id
    LIMIT ${room}
    FOR UPDATE OF r SKIP LOCKED`;

  const sends: ClaimedSend[] = [];
  for (const candidate of candidates) {
    const exclusion = exclusionFor(
      { phoneE164: candidate.phone_e164, consentStatus: candidate.consent_status, blockedAt: candidate.blocked_at },
      campaign,
    );
    if (exclusion) {
      await tx.campaignRecipient.update({
        where: { id: candidate.id },
        data: { status: "skipped", reason: exclusion },
      });
      continue;
    }
    const digits = candidate.phone_e164!.slice(1);
    const conversation = await ensureConversation(tx, {
      organizationId: context.organizationId,
      instanceId: instance.id,
      chat: { kind: "direct", chatId: `${digits}@s.whatsapp.net`, phone: digits, lid: candidate.lid },
      contactName: null,
      activityAt: now,
    });
    const variant = campaign.variants[candidate.variant] ?? campaign.variants[0]!;
    const body = renderTemplate(variant.body, {
      name: candidate.name ?? candidate.push_name,
      phoneE164: candidate.phone_e164,
      customFields: candidate.custom_fields ?? {},
    });
    const type = variant.media ? outboundMediaType(variant.media.mimeType) : "text";
    const message = await tx.message.create({
      data: {
        organizationId: context.organizationId,
        instanceId: instance.id,
        conversationId: conversation.conversationId,
        direction: "outbound",
        type,
        body,
        status: "sending",
        sendClaimedAt: now,
        sentAt: now,
        ...(variant.media
          ? {
              mediaKey: variant.media.key,
              mediaMimeType: variant.media.mimeType,
              mediaFileName: variant.media.fileName,
              mediaSize: variant.media.size,
              mediaStatus: "stored" as const,
            }
          : {}),
      },
      select: { id: true },
    });
    await tx.conversation.update({
      where: { id: conversation.conversationId },
      data: { lastActivityAt: now, lastMessagePreview: previewOf(type, body), lastMessageDirection: "outbound" },
    });
    await tx.campaignRecipient.update({
      where: { id: candidate.id },
      data: {
        status: "claimed",
        claimedAt: now,
        instanceId: instance.id,
        messageId: message.id,
        attempts: { increment: 1 },
      },
    });
    sends.push({
      recipientId: candidate.id,
      messageId: message.id,
      conversationId: conversation.conversationId,
      chatJid: conversation.chatJid,
      body,
      media: variant.media,
    });
  }

  if (sends.length && limits.maxIntervalSeconds > 0) {
    const seconds = limits.minIntervalSeconds + Math.random() * (limits.maxIntervalSeconds - limits.minIntervalSeconds);
    const nextSendAt = new Date(now.getTime() + seconds * 1000);
    await tx.instanceSendPacing.upsert({
      where: { instanceId: instance.id },
      create: { instanceId: instance.id, organizationId: context.organizationId, nextSendAt },
      update: { nextSendAt },
    });
  }
  return { sends, waitUntil: null };
}
