import type { Tx } from "../../db/tenant";
import { uuid7 } from "../../db/uuid7";
import { PHONE_ADDRESS_PATTERN, phoneAddress } from "../../whatsapp/provider";
import { customFieldsOf } from "../contacts/custom-field-value";
import { previewOf } from "../messages/message-content";
import { outboundMediaType } from "../messages/outbound-media";
import type { CampaignLimits, CampaignVariant } from "./campaign-settings-schema";
import { renderTemplate } from "./message-template";
import { exclusionFor } from "./recipient-eligibility";

/** A claimed recipient and its pending message, to be handed to the send pipeline. */
export interface ClaimedSend {
  recipientId: string;
  messageId: string;
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
      custom_fields: unknown;
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

  const eligible: (typeof candidates)[number][] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const candidate of candidates) {
    const exclusion = exclusionFor(
      { phoneE164: candidate.phone_e164, consentStatus: candidate.consent_status, blockedAt: candidate.blocked_at },
      campaign,
    );
    if (exclusion) skipped.push({ id: candidate.id, reason: exclusion });
    else eligible.push(candidate);
  }
  if (skipped.length)
    await tx.$executeRaw`
      UPDATE campaign_recipients r SET status = 'skipped', reason = v.reason, updated_at = now()
      FROM unnest(${skipped.map((s) => s.id)}::uuid[], ${skipped.map((s) => s.reason)}::text[]) AS v(id, reason)
      WHERE r.id = v.id`;

  // Set-based from here: a batch costs the same few statements whatever its size.
  const rows = eligible.map((candidate) => {
    const variant = campaign.variants[candidate.variant] ?? campaign.variants[0]!;
    const body = renderTemplate(variant.body, {
      name: candidate.name ?? candidate.push_name,
      phoneE164: candidate.phone_e164,
      customFields: customFieldsOf({ id: candidate.contact_id, customFields: candidate.custom_fields }),
    });
    const type = variant.media ? outboundMediaType(variant.media.mimeType) : ("text" as const);
    return {
      recipientId: candidate.id,
      contactId: candidate.contact_id,
      messageId: uuid7(),
      conversationId: uuid7(),
      chatAddress: phoneAddress(candidate.phone_e164!),
      variant,
      body,
      type,
      preview: previewOf(type, body),
    };
  });
  const sends: ClaimedSend[] = rows.map((r) => ({ recipientId: r.recipientId, messageId: r.messageId }));
  if (rows.length) {
    // Direct chats are keyed by the contact; an existing chat keeps its phone reply address (which may be
    // WhatsApp's canonical form of the number, e.g. without Brazil's 9th digit).
    const conversations = await tx.$queryRaw<{ id: string; contact_id: string }[]>`
      INSERT INTO conversations AS v (id, organization_id, instance_id, kind, chat_key, chat_address, contact_id,
        last_activity_at, last_message_preview, last_message_kind, last_message_direction, created_at, updated_at)
      SELECT x.id, ${context.organizationId}::uuid, ${instance.id}::uuid, 'direct'::"ConversationKind", x.contact_id::text,
        x.chat_address, x.contact_id, ${now}, x.preview, x.kind, 'outbound'::"MessageDirection", now(), now()
      FROM unnest(${rows.map((r) => r.conversationId)}::uuid[], ${rows.map((r) => r.contactId)}::uuid[],
                  ${rows.map((r) => r.chatAddress)}::text[], ${rows.map((r) => r.preview.text)}::text[],
                  ${rows.map((r) => r.preview.kind)}::text[]) AS x(id, contact_id, chat_address, preview, kind)
      ON CONFLICT (instance_id, chat_key) DO UPDATE SET
        chat_address = CASE WHEN v.chat_address ~ ${PHONE_ADDRESS_PATTERN} THEN v.chat_address ELSE EXCLUDED.chat_address END,
        last_activity_at = EXCLUDED.last_activity_at,
        last_message_preview = EXCLUDED.last_message_preview,
        last_message_kind = EXCLUDED.last_message_kind,
        last_message_direction = EXCLUDED.last_message_direction,
        updated_at = now()
      RETURNING v.id, v.contact_id`;
    const conversationOf = new Map(conversations.map((c) => [c.contact_id, c.id]));
    // Pending: the send pipeline claims each message (pending → sending) before calling the gateway.
    const media = (row: (typeof rows)[number]) => row.variant.media ?? null;
    await tx.$executeRaw`
      INSERT INTO messages (id, organization_id, instance_id, conversation_id, direction, type, body, status, sent_at,
        media_key, media_mime_type, media_file_name, media_size, media_status, created_at, updated_at)
      SELECT x.id, ${context.organizationId}::uuid, ${instance.id}::uuid, x.conversation_id, 'outbound'::"MessageDirection",
        x.type::"MessageType", x.body, 'pending'::"MessageStatus", ${now}, x.media_key, x.media_mime_type, x.media_file_name,
        x.media_size, CASE WHEN x.media_key IS NULL THEN NULL ELSE 'stored'::"MediaStatus" END, now(), now()
      FROM unnest(${rows.map((r) => r.messageId)}::uuid[], ${rows.map((r) => conversationOf.get(r.contactId)!)}::uuid[],
                  ${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.body)}::text[],
                  ${rows.map((r) => media(r)?.key ?? null)}::text[], ${rows.map((r) => media(r)?.mimeType ?? null)}::text[],
                  ${rows.map((r) => media(r)?.fileName ?? null)}::text[], ${rows.map((r) => media(r)?.size ?? null)}::int[])
        AS x(id, conversation_id, type, body, media_key, media_mime_type, media_file_name, media_size)`;
    await tx.$executeRaw`
      UPDATE campaign_recipients r SET status = 'claimed', claimed_at = ${now}, instance_id = ${instance.id}::uuid,
        message_id = v.message_id, attempts = r.attempts + 1, updated_at = now()
      FROM unnest(${rows.map((r) => r.recipientId)}::uuid[], ${rows.map((r) => r.messageId)}::uuid[]) AS v(id, message_id)
      WHERE r.id = v.id`;
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
